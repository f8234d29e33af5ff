# Thin wrapper: tools/dev does the work (it also runs where make is not installed).
.PHONY: run test lint setup screenshots
run:
	tools/dev run
test:
	tools/dev test
lint:
	tools/dev lint
setup:
	tools/dev setup
screenshots:
	tools/dev screenshots
