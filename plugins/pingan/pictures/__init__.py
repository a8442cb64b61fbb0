"""Pictures for the classroom: OpenMoji scenes, lesson cards, read-aloud (issue 14)."""
