# The front door. Each target is a thin wrapper over a script in scripts/.
.PHONY: run test train setup evaluate bench

run:  ## install on first use, train if needed, start Rasa and the action server
	@bash scripts/run.sh

test:  ## install on first use, then the whole suite
	@bash scripts/test.sh

train:  ## train a model if data/, config.yml, domain.yml or bot/nlu changed
	@bash scripts/train.sh

setup:  ## only create .venv and install the pinned dependencies
	@bash scripts/setup.sh

evaluate:  ## triage quality on the held-out set, ours beside the stock pipeline and a keyword baseline
	@bash scripts/measure.sh evaluate

bench:  ## latency, throughput, memory, load and training time, ours beside the stock moodbot
	@bash scripts/measure.sh bench && bash scripts/measure.sh soak
