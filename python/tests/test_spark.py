"""The Spark recipe (python/examples/spark_audit.py) in local mode: 20,000
messages come back complete, in the order of their ids, with the CLI's
scores, through the Python package (mapInPandas) and through the binary's
JSON-lines filter (RDD.pipe). Needs PySpark, pandas, pyarrow and a JDK:
under CI=true their absence fails the test; elsewhere it is skipped."""

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
TACT = os.environ.get("TACT_BIN", "tact")
N = 20_000

try:
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401
    import pyspark  # noqa: F401

    MISSING = None if shutil.which("java") else "java"
except ImportError as e:
    MISSING = e.name

if MISSING and os.environ.get("CI") == "true":
    raise RuntimeError(f"the Spark test needs {MISSING} under CI")
pytestmark = pytest.mark.skipif(MISSING is not None, reason=f"{MISSING} not installed")

sys.path.insert(0, str(ROOT / "python" / "examples"))


@pytest.fixture(scope="module")
def messages(tmp_path_factory):
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt")) if p.stat().st_size]
    rows = [(i, texts[i % len(texts)]) for i in range(N)]
    path = tmp_path_factory.mktemp("spark") / "messages.jsonl"
    path.write_text("".join(json.dumps({"id": i, "body": t}) + "\n" for i, t in rows), encoding="utf-8")
    out = subprocess.run(
        [TACT, "check", "--isolated", "--input-format", "jsonl", "--format", "jsonl", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr
    cli = [json.loads(line)["score"]["value"] for line in out.stdout.splitlines()]
    assert len(cli) == N
    return rows, cli


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Workers run this interpreter (which has the wheel) and import the recipe.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "python" / "examples"), os.environ.get("PYTHONPATH")]))
    session = (
        SparkSession.builder.master("local[2]")
        .appName("tact test")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    yield session
    session.stop()


def frame(spark, rows):
    return spark.createDataFrame(rows, schema="id long, body string").repartition(8)


def check(result, cli):
    rows = result.orderBy("id").collect()
    assert [r["id"] for r in rows] == list(range(N)), "every message comes back, once"
    assert [r["score"] for r in rows] == cli
    assert all(r["grade"] in "ABCDF" for r in rows)


def test_map_in_pandas_with_the_package(spark, messages):
    import spark_audit

    rows, cli = messages
    check(spark_audit.audit_with_package(frame(spark, rows)), cli)


def test_rdd_pipe_through_the_binary(spark, messages):
    import spark_audit

    rows, cli = messages
    check(spark_audit.audit_with_pipe(frame(spark, rows), tact_bin=TACT), cli)
