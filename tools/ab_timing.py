#!/usr/bin/env python3
"""Alternating timing runs of two or more builds of the engine's timing example.

The project machines are shared and their speed moves by 15-50 % from one minute to the
next, so two builds are compared by running them in turn, N times each, and reading the
best, 75th percentile and median of each series side by side (BENCHMARKS.md).

    cargo build --release -p gazet-core --example timing
    cp target/release/examples/timing /tmp/timing-new       # and an older build as /tmp/timing-old
    python3 tools/ab_timing.py gazetteers tests/fixtures/book-dev.txt 12 /tmp/timing-old /tmp/timing-new

ROUNDS (default 15) sets the rounds per run; PHASE (default "extract full") the phase of
the timing example that is timed.
"""
import os
import statistics
import subprocess
import sys


def main() -> int:
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    gazetteers, text, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    binaries = sys.argv[4:]
    phase = os.environ.get("PHASE", "extract full")
    env = dict(os.environ, GAZET_PHASE=phase, GAZET_ROUNDS=os.environ.get("ROUNDS", "15"))
    results = {b: [] for b in binaries}
    for _ in range(runs):
        for binary in binaries:
            run = subprocess.run([binary, gazetteers, text], env=env, capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{binary} failed:\n{run.stderr}", file=sys.stderr)
                return 1
            for line in run.stdout.splitlines():
                if line.startswith(phase):
                    results[binary].append(float(line[len(phase):].split()[0]))
    for binary, speeds in results.items():
        if not speeds:
            print(f"{binary}: no '{phase}' line in its output", file=sys.stderr)
            return 1
        speeds.sort()
        p75 = speeds[len(speeds) * 3 // 4]
        print(
            f"{binary}: best {speeds[-1]:.1f} p75 {p75:.1f} median {statistics.median(speeds):.1f} MB/s "
            f"(n={len(speeds)})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
