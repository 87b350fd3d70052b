# Two commands: `make run` serves the site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run test install

$(BIN)/activate: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(BIN)/activate

install: $(BIN)/activate

# Local development server with the corpus loaded; DEBUG is on only here.
run: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --no-input
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py load_corpus
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver $(HOST)

# The whole suite on the database in DATABASE_URL (SQLite when unset).
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)
