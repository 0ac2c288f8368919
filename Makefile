# The front door. Each target is a thin wrapper over a script in scripts/.
.PHONY: run test train setup

run:  ## install on first use, train if needed, start Rasa and the action server
	@bash scripts/run.sh

test:  ## install on first use, then the whole suite
	@bash scripts/test.sh

train:  ## train a model if data/, config.yml, domain.yml or bot/nlu changed
	@bash scripts/train.sh

setup:  ## only create .venv and install the pinned dependencies
	@bash scripts/setup.sh
