"""Allow ``python -m timeline_editor``."""

from timeline_editor.app import main

raise SystemExit(main())
