web_link-link = Your sign-in link to the web desk: { $url }
    It works once, for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. Do not pass it on to anyone.
web_link-private_only = I send the web desk sign-in link only in a private chat: write /web to me there.
web_link-off = The web desk is not enabled on this server: ask the bot's administrator.
web_link-disabled = Your web desk sign-in is disabled: ask the bot's administrator.
web_link-in_web = You are in the web desk already.
