from interlinea.entry import run

run()
