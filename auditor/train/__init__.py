"""`audit train`: lessons from the rule catalogue and exercises made by introducing one error into a
shipped sample. Everything in this package is headless (no Textual); the screens live in
auditor/tui/train/.
"""

DEFAULT_COUNT = 12  # exercises in a set unless asked otherwise (`audit train --count`)
