from interlinea.cli import main

main()
