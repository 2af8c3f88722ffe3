"""The extraction path does not load the evaluation package (nor rich or rapidfuzz)."""

import subprocess
import sys


def test_the_pipeline_and_a_loaded_task_do_not_load_evaluation() -> None:
    code = (
        "import sys, extractor.pipeline\n"
        "from extractor.tasks import load_task\n"
        "load_task('match_report')\n"
        "bad = sorted(m for m in sys.modules if m.startswith('extractor.evaluation') or m in ('rich', 'rapidfuzz'))\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
