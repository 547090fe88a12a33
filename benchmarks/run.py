"""Run every benchmark and print its figures:  .venv/bin/python benchmarks/run.py"""
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    rc = 0
    for bench in sorted(HERE.glob("bench_*.py")):
        print(f"== {bench.stem}", flush=True)
        rc |= subprocess.call([sys.executable, str(bench)])
    sys.exit(rc)
