"""Measure the figures of docs/scale.md in one run: the CLI and the package
on one core, then both Spark routes with one and two executor slots of one
thread each (`RAYON_NUM_THREADS=1`), so that slots are cores.

    python python/examples/spark_throughput.py [messages] [tact binary]

Needs the wheel installed, PySpark, pandas, pyarrow and a JDK. The messages
are the repository's text fixtures, repeated.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))


def messages(n: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt")) if p.stat().st_size]
    return [texts[i % len(texts)] for i in range(n)]


def line(what: str, seconds: float, n: int, size: int) -> None:
    print(f"| {what} | {seconds:.2f} s | {n / seconds:,.0f} msg/s | {size / seconds / 1e6:.2f} MB/s |", flush=True)


def one_core(texts: list[str], tact_bin: str) -> None:
    """The CLI's JSON-lines filter and `check_many`, each on one thread."""
    size = sum(len(t.encode()) for t in texts)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write("".join(json.dumps({"body": t}) + "\n" for t in texts))
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    started = time.perf_counter()
    cmd = [tact_bin, "check", "--isolated", "--input-format", "jsonl", "--format", "jsonl", f.name]
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=False)
    line("CLI, one thread", time.perf_counter() - started, len(texts), size)
    os.unlink(f.name)
    # The package's pool is sized when first used: size it in a child.
    code = (
        "import json, sys, time, tact; from tact import _tact; texts = json.load(sys.stdin);"
        "t = time.perf_counter(); _tact.check_many_json(texts, None, None); r = time.perf_counter() - t;"
        "t = time.perf_counter(); tact.check_many(texts); print(r, time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(texts), env=env, capture_output=True, text=True, check=True
    )
    rust, total = map(float, out.stdout.split())
    line("check_many, one thread", total, len(texts), size)
    line("  of which linting and JSON in Rust", rust, len(texts), size)


def spark_runs(texts: list[str], tact_bin: str) -> None:
    from pyspark.sql import SparkSession

    import spark_audit

    # One thread per executor slot, so that slots are cores.
    os.environ["RAYON_NUM_THREADS"] = "1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(pathlib.Path(spark_audit.__file__).parent), os.environ.get("PYTHONPATH")])
    )
    size = sum(len(t.encode()) for t in texts)
    for slots in (1, 2):
        spark = (
            SparkSession.builder.master(f"local[{slots}]")
            .appName("tact throughput")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .getOrCreate()
        )
        df = spark.createDataFrame(list(enumerate(texts)), schema="id long, body string").repartition(8).cache()
        df.count()
        for name, audit in (
            ("package", spark_audit.audit_with_package),
            ("pipe", lambda d: spark_audit.audit_with_pipe(d, tact_bin=tact_bin)),
        ):
            started = time.perf_counter()
            assert audit(df).count() == len(texts)
            line(f"Spark {name}, local[{slots}]", time.perf_counter() - started, len(texts), size)
        spark.stop()


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    tact_bin = sys.argv[2] if len(sys.argv) > 2 else "tact"
    texts = messages(n)
    print(f"{n:,} messages, {sum(len(t.encode()) for t in texts) / 1e6:.1f} MB\n")
    print("| what | time | messages per second | MB/s |\n|---|---|---|---|")
    one_core(texts, tact_bin)
    spark_runs(texts, tact_bin)
