"""The human helpdesk: the case API for the action server and the staff console."""
