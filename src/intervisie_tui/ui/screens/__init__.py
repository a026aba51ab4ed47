"""The full screens: home, set-up, methods, the run screen, wrap-up, review, groups (dialogs: ui/dialogs/)."""
