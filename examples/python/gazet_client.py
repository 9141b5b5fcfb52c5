"""A small gazet.v1 client in Python, over grpcio and the code grpcio-tools generates
from proto/gazet/v1/gazet.proto (see run_test.sh for the generation command).

    python gazet_client.py 127.0.0.1:50051 "La République du Bélarus et la CEI."
"""

import sys

import grpc

from gazet.v1 import gazet_pb2 as pb
from gazet.v1 import gazet_pb2_grpc as rpc

MAX_MESSAGE = 64 * 1024 * 1024


class Gazet:
    """Extract, ExtractStream, GetEntity and Info over one channel."""

    def __init__(self, target, token=None, timeout=30.0, gzip=True):
        options = [
            ("grpc.max_send_message_length", MAX_MESSAGE),
            ("grpc.max_receive_message_length", MAX_MESSAGE),
        ]
        compression = grpc.Compression.Gzip if gzip else grpc.Compression.NoCompression
        self.channel = grpc.insecure_channel(target, options=options, compression=compression)
        self.stub = rpc.GazetStub(self.channel)
        self.metadata = [("authorization", f"Bearer {token}")] if token else []
        self.timeout = timeout

    def close(self):
        self.channel.close()

    def extract(self, text, timeout=None, **options):
        """Mentions, entity counts and pairs of one text. `options` are the fields of
        ExtractOptions (kinds, unit, window_words, min_pair_count, overlap, alternatives,
        utf16_offsets)."""
        request = pb.ExtractRequest(text=text, options=pb.ExtractOptions(**options))
        return self.stub.Extract(request, timeout=timeout or self.timeout, metadata=self.metadata)

    def extract_stream(self, docs, **options):
        """Yields one ExtractStreamResponse per (doc_id, text), in order."""

        def requests():
            for i, (doc_id, text) in enumerate(docs):
                first = pb.ExtractOptions(**options) if i == 0 and options else None
                yield pb.ExtractStreamRequest(doc_id=doc_id, text=text, options=first)

        return self.stub.ExtractStream(requests(), metadata=self.metadata)

    def get_entity(self, entity_id):
        return self.stub.GetEntity(pb.GetEntityRequest(id=entity_id), timeout=self.timeout, metadata=self.metadata)

    def info(self):
        return self.stub.Info(pb.InfoRequest(), timeout=self.timeout, metadata=self.metadata)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    client = Gazet(argv[1])
    text = " ".join(argv[2:])
    for m in client.extract(text).mentions:
        # char offsets index Python strings directly.
        print(f"{m.char_start}\t{m.char_end}\t{text[m.char_start:m.char_end]}\t{m.entity_id}\t{pb.Form.Name(m.form)}")
    client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
