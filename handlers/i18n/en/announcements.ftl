## Announcements as a customer sees them: the buttons under one, opting out (/announcements).

## announcements

announcements-button_stop = Stop announcements
announcements-button_stop_yes = Yes, stop them
announcements-button_keep = Keep them
announcements-button_on = Receive announcements again
announcements-button_renew = Renew support
announcements-button_manager = Contact a manager
announcements-confirm_stop = Stop sending announcements to this chat? Answers to your requests and support reminders will keep coming as before.
announcements-stopped = Done: no more announcements in this chat. To turn them on again: /announcements on or the button below.
announcements-kept = All right, announcements will keep coming.
announcements-turned_on = Announcements are on again in this chat. You can stop them with the button under any announcement.
announcements-status_on = Announcements come to this chat. To stop them: the button below or /announcements off.
announcements-status_off = Announcements do not come to this chat (you stopped them). To turn them on again: the button below or /announcements on.
