from interlinea.cli import run

run()
