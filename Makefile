# Two commands a newcomer needs: `make demo` and `make test`. Both build .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_TODAY := 2026-03-12

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/followup --mailbox examples/sample.mbox --today $(DEMO_TODAY) threads
	@echo
	@# The demo's drafts go to .demo-drafts/ (git-ignored), emptied first so every demo starts
	@# from the same morning; the second sweep shows that a re-run creates nothing new.
	rm -rf .demo-drafts
	$(BIN)/followup --mailbox examples/sample.mbox --today $(DEMO_TODAY) sweep --drafts-dir .demo-drafts
	@echo
	$(BIN)/followup --mailbox examples/sample.mbox --today $(DEMO_TODAY) sweep --drafts-dir .demo-drafts

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info .demo-drafts
