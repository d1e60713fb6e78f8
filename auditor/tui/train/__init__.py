"""`audit train`: the trainer's screens (menu, lesson, exercise). The logic is in auditor/train/."""
