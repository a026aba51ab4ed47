from intervisie_tui.cli import main

raise SystemExit(main())
