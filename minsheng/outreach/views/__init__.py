"""Pages of publicity: activities (activities.py) and questionnaires (questionnaires.py)."""
