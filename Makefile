# ITA extraction pipeline. `make setup extract` on a fresh machine; `make test` runs the suite.
PYTHON   ?= python3
RAW      ?= data/raw
CURATED  ?= data/curated
WORKERS  ?=
TIMEOUT  ?=
REPORTS  ?= reports
PROVINCE ?=
YEAR     ?=
BENCH_INPUT ?= $(RAW)
REVIEW   ?= review
OUT      ?= publish
INPUT    ?=
DEBIAN_PACKAGES = tesseract-ocr tesseract-ocr-tha fonts-thai-tlwg fonts-noto-core poppler-utils chromium
# the variety suite (tests/test_variety.py): DOCX printed by LibreOffice, HTML by WeasyPrint (Pango)
DEBIAN_PACKAGES += libreoffice-writer-nogui libpango-1.0-0 libpangoft2-1.0-0
# tesserocr built from source against Debian's libtesseract (the CLI's engine, in process: parsers/ocr.py)
DEBIAN_PACKAGES += libtesseract-dev libleptonica-dev pkg-config g++

.PHONY: setup setup-system setup-python extract test lint bench compare sql debug-page registry clean review publish

setup: setup-system setup-python

# Debian packages: Tesseract with Thai for scans, Thai fonts for generated test PDFs and scan digit templates
# (fonts-noto-core: Noto Sans/Serif Thai), Chromium for the report test.
setup-system:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

setup-python:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@# optional: Tesseract in process (parsers/ocr.py), ~30% less OCR CPU; without it OCR runs the tesseract CLI
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-binary tesserocr 'tesserocr>=2.6' \
		|| echo 'tesserocr did not build (needs libtesseract-dev, libleptonica-dev, g++): OCR will use the tesseract CLI'

extract:
	$(PYTHON) -m pipeline extract --input $(RAW) --output $(CURATED) $(if $(WORKERS),--workers $(WORKERS)) $(if $(TIMEOUT),--timeout $(TIMEOUT))

test:
	$(PYTHON) -m pytest -n auto --dist loadgroup --no-loadscope-reorder -q --durations=25

# pyflakes' checks only (also run by make test: tests/test_lint.py)
lint:
	$(PYTHON) -m ruff check pipeline parsers normalizers scripts tests

bench:
	$(PYTHON) -m pipeline bench --input $(BENCH_INPUT)

compare:
	$(PYTHON) -m pipeline compare --province '$(PROVINCE)' $(if $(YEAR),--year $(YEAR)) --curated $(CURATED) --reports $(REPORTS)

# Review site: each value beside a crop of its place on the page (PDFs from the run's input folder, or INPUT=dir)
review:
	$(PYTHON) -m pipeline review --curated $(CURATED) --output $(REVIEW) $(if $(INPUT),--input $(INPUT))

# Frictionless Data Package (datapackage.json, CSV and Parquet per table, README) for an open-data portal
publish:
	$(PYTHON) -m pipeline publish --curated $(CURATED) --output $(OUT)

sql:
	$(PYTHON) -m pipeline sql --curated $(CURATED)

# make debug-page PDF=path/to.pdf PAGE=2 → artifacts/debug/<file>-p2.png with lines, cells and OCR boxes drawn
debug-page:
	$(PYTHON) -m pipeline debug-page --pdf '$(PDF)' --page $(PAGE)

# Rebuild data/reference/units.csv, provinces.csv, districts.csv from the shared reference folder.
registry:
	$(PYTHON) scripts/build_registry.py

clean:
	rm -rf $(CURATED)/*.parquet $(CURATED)/_manifest.json $(CURATED)/review_units.csv $(CURATED)/corrections_unapplied.csv $(CURATED)/.cache $(CURATED)/.staging $(CURATED)/.commit $(REPORTS) $(REVIEW) $(OUT) artifacts .pytest_cache .hypothesis
