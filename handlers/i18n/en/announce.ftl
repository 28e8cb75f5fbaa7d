## /announce in the manager chat: composing an announcement, its audience, preview, test
## send, sending, progress (/announce status) and the final report.

## announce

announce-title = New announcement
announce-text_line = • Text, { $language }: { $excerpt }
announce-no_texts = • No text yet: write one per language with the buttons below.
announce-fallback_line = • Chats in a language without a text get the { $language } text.
announce-fallback_none = • Chats in a language without a text get nothing.
announce-button_line_none = • Button: none (only "Stop announcements").
announce-button_line_renew = • Button: "Renew support" (opens the quote for the customer's license).
announce-button_line_manager = • Button: "Contact a manager".
announce-filters_title = Who gets it:
announce-any = any
announce-platform_telegram = Telegram
announce-platform_vk = VK
announce-filter_platform = • Messenger: { $value }
announce-filter_language = • Chat language: { $value }
announce-filter_linked = • Linked customers only: { $value }
announce-linked_yes = yes
announce-linked_no = no
announce-filter_product = • Product: { $value }
announce-filter_support = • Support: { $value }
announce-support_any = any
announce-support_active = active
announce-support_ends_within = ends within { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
announce-support_lapsed = lapsed
announce-support_lapsed_over = lapsed more than { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago
announce-filter_protection = • Protection service: { $value }
announce-protection_any = any
announce-protection_yes = connected
announce-protection_no = not connected
announce-counts_title = Recipients, filter by filter:
announce-stage_reachable = • chats that receive announcements: { $count }
announce-stage_platform = • in the messenger: { $count }
announce-stage_language = • in the language: { $count }
announce-stage_linked = • linked to a customer: { $count }
announce-stage_product = • with the product: { $count }
announce-stage_support = • with that support status: { $count }
announce-stage_protection = • with that protection service: { $count }
announce-opted_out = Chats that stopped announcements (never counted): { $count }
announce-language_count = { $language } { $count }
announce-by_language = By language: { $values }
announce-left_out = No text in their language and no fallback, so they get nothing: { $count }
announce-recipients = Will receive it: { $count }
announce-edit_text = ✎ { $language }
announce-edit_text_done = ✓ { $language }
announce-change_fallback = Fallback language
announce-change_button = Button
announce-change_platform = Messenger
announce-change_language = Language
announce-change_linked = Linked only
announce-change_product = Product
announce-change_support = Support
announce-change_protection = Protection
announce-change_days = Days: { $days }
announce-preview = Preview
announce-test_send = Test send to me
announce-send = Send…
announce-cancel = Cancel
announce-cancelled = The announcement was not sent; the draft is discarded.
announce-preview_button = This is a preview: the customer's buttons work in the real message.
announce-ask_text = Send the text of the announcement in { $language } as one message.
announce-text_hint = Send the text as one message, or /cancel.
announce-ask_days = How many days? Send a number (now { $days }).
announce-days_hint = Send a number of days from 1 to 3660, or /cancel.
announce-compose_hint = Use the buttons under the draft, or /cancel.
announce-no_texts_yet = Write at least one text first.
announce-preview_title = As a customer whose language is { $language } sees it:
announce-test_sent = Sent to your private chat with the bot (if you have not started it, the message cannot reach you).
announce-nobody = Nobody would receive it: change the filters or the texts.
announce-confirm = Send the announcement now? Recipients: { $count }.
announce-confirm_hint = Press "Send now" or "Back".
announce-send_now = Send now
announce-back = Back
announce-queued = Announcement #{ $number } is queued, recipients: { $count }. It goes out at the messengers' limits, after any answers to customers. Progress: /announce status
announce-status_none = No announcements have been sent yet.
announce-status_title = Latest announcements:
announce-status_line = #{ $number } of { $when }: recipients { $recipients }, delivered { $delivered }, blocked the bot { $blocked }, failed { $failed }, still to send { $waiting }, pressed the button { $pressed }
announce-report = Announcement #{ $number } is sent. Recipients: { $recipients }; delivered: { $delivered }; blocked the bot: { $blocked }; failed: { $failed }; pressed the button: { $pressed }; got nothing (no text in their language): { $left_out }.
