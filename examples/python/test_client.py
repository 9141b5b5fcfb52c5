"""Checks a running `gazet serve` from Python: python test_client.py HOST:PORT"""

import sys

import grpc

from gazet.v1 import gazet_pb2 as pb
from gazet_client import Gazet

BELARUS = (
    "La République du Bélarus a toujours plaidé en faveur du renforcement du potentiel "
    "économique de cette association de pays post-soviétiques et de l'élargissement de leurs "
    "liens commerciaux et productifs afin de consolider la dynamique positive observée dans la CEI."
)


def fails_with(code, call):
    try:
        call()
    except grpc.RpcError as e:
        assert e.code() == code, f"expected {code}, got {e.code()}: {e.details()}"
        return e.details()
    raise AssertionError(f"expected {code}, the call succeeded")


def main(target):
    client = Gazet(target)

    info = client.info()
    assert info.content_hash.startswith("sha256:"), info
    assert info.entities > 1000 and info.server_version, info

    # Extract: a real sentence of the book.
    r = client.extract(BELARUS, utf16_offsets=True)
    found = [(m.text, m.entity_id, pb.Form.Name(m.form)) for m in r.mentions]
    assert found == [
        ("République du Bélarus", "iso3166-1:BY", "FORM_NAME"),
        ("CEI", "gazet:inst/cis", "FORM_ACRONYM"),
    ], found
    by = r.mentions[0]
    assert BELARUS[by.char_start : by.char_end] == by.text, by
    assert BELARUS.encode()[by.start : by.end].decode() == by.text, by
    assert by.HasField("utf16_start") and by.utf16_end - by.utf16_start == 21, by
    assert [(p.a, p.b, p.count) for p in r.pairs] == [("iso3166-1:BY", "gazet:inst/cis", 1)] or [
        (p.b, p.a, p.count) for p in r.pairs
    ] == [("iso3166-1:BY", "gazet:inst/cis", 1)], r.pairs

    # Kinds filter and empty text.
    r = client.extract(BELARUS, kinds=[pb.KIND_INSTITUTION])
    assert [m.entity_id for m in r.mentions] == ["gazet:inst/cis"], r
    assert client.extract("") == pb.ExtractResponse()

    # Errors: unknown enum value, unknown entity, deadline.
    details = fails_with(grpc.StatusCode.INVALID_ARGUMENT, lambda: client.extract(BELARUS, unit=42))
    assert "options.unit" in details, details
    fails_with(grpc.StatusCode.NOT_FOUND, lambda: client.get_entity("iso3166-1:XX"))
    fails_with(grpc.StatusCode.DEADLINE_EXCEEDED, lambda: client.extract(BELARUS * 2000, timeout=0.001))
    assert client.get_entity("iso3166-1:KZ").entity.name == "Kazakhstan"

    # ExtractStream: 2,000 documents, one bad in the middle, none lost, order kept.
    n, bad = 2000, 1234
    docs = [(f"d{i}", "x" if i == bad else f"Document {i}: le Kazakhstan et la République du Bélarus.") for i in range(n)]

    def requests():
        for i, (doc_id, text) in enumerate(docs):
            options = pb.ExtractOptions(overlap=9) if i == bad else None
            yield pb.ExtractStreamRequest(doc_id=doc_id, text=text, options=options)

    responses = list(client.stub.ExtractStream(requests()))
    assert len(responses) == n, len(responses)
    for i, resp in enumerate(responses):
        assert resp.doc_id == f"d{i}", (i, resp.doc_id)
        if i == bad:
            assert resp.WhichOneof("outcome") == "error", resp
            assert resp.error.code == grpc.StatusCode.INVALID_ARGUMENT.value[0], resp
            assert "options.overlap" in resp.error.message, resp
        else:
            ids = [m.entity_id for m in resp.result.mentions]
            assert ids == ["iso3166-1:KZ", "iso3166-1:BY"], (i, ids)

    # The helper's stream, with options on the first document.
    out = list(client.extract_stream([("a", BELARUS), ("b", "")], unit=pb.CO_UNIT_DOCUMENT))
    assert [o.doc_id for o in out] == ["a", "b"] and out[0].result.units == 1 and out[1].result.units == 0, out

    client.close()
    print(f"python client: ok ({len(responses)} streamed documents)")


if __name__ == "__main__":
    main(sys.argv[1])
