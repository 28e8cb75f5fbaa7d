## blocking

blocking-block_usage = Write the request number and the reason: /block N reason. Nothing has changed.
blocking-unblock_usage = Write the request number: /unblock N. Nothing has changed.
blocking-blocked_usage = /blocked lists the blocked people; /blocked N shows what the person of request N wrote while blocked.
blocking-not_found = Request #{ $number } not found, or nobody is known to have filed it. Nothing has changed.
blocking-reason_missing = Give the reason after the number: /block { $number } reason. Nothing has changed.
blocking-reason_too_long = The reason is too long: at most { $count ->
        [one] { $count } character
       *[other] { $count } characters
    }. Nothing has changed.
blocking-blocked = { $who } (request #{ $number }) is blocked: their messages no longer reach the desk, they are kept in /blocked. They have been told once; /mydata shows them the block and its reason.
blocking-still_open = { $count ->
    [one] Request { $numbers } stays open: close it on its card (Done, or Reject with a reason) or through /request.
   *[other] Requests { $numbers } stay open: close them on their cards (Done, or Reject with a reason) or through /request.
}
blocking-already = { $who } (request #{ $number }) has been blocked since { $when }. Nothing has changed.
blocking-not_blocked = { $who } (request #{ $number }) is not blocked. Nothing has changed.
blocking-unblocked = { $who } (request #{ $number }) is unblocked: their messages reach the managers again. While blocked they wrote { $count ->
        [one] { $count } message
       *[other] { $count } messages
    } (/blocked { $number }).
blocking-notice = Your messages in this chat are no longer passed to the managers. If you think this is a mistake, please contact the company through its other channels. /mydata shows what is stored about you.
blocking-unblocked_notice = Your messages in this chat reach the managers again. Thank you for your patience.
blocking-list_title = Blocked: { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
blocking-list_line = • #{ $number } { $who }: since { $when } ({ $manager }), reason: { $reason }; { $count ->
        [one] { $count } message
       *[other] { $count } messages
    } since
blocking-list_more = …and { $count } more
blocking-list_hint = /blocked N — their messages; /unblock N — unblock.
blocking-list_none = Nobody is blocked.
blocking-never_blocked = { $who } (request #{ $number }) has never been blocked.
blocking-messages_none = { $who } (request #{ $number }) has written nothing while blocked.
blocking-messages_title = What { $who } (request #{ $number }) wrote while blocked: { $count ->
        [one] { $count } message
       *[other] { $count } messages
    }
blocking-messages_more = …{ $count } earlier not shown
blocking-message_line = { $when }: { $text }
blocking-message_files = { $when }: { $text } (files: { $names })
blocking-card_line = ⛔ Blocked since { $when } ({ $manager }): { $reason }. Their messages go to /blocked.
blocking-find_line = ⛔ { $who } is blocked since { $when }: { $reason }
blocking-mydata_line = • Your messages in this chat are not passed to the managers since { $when }; the reason given: { $reason }
