## intents: phrases that plainly ask for one of the conversations, one per line
## (handlers/rules/intents.py). A customer who writes one of them at the main menu, in any
## inflected form, is offered that conversation's button and "Send to a manager".
## Extend them in a vendor's override folder; the message name is intents-<flow>.

intents-key_loss =
    lost key
    lost the key
    lost our key
    key stolen
    stolen key
    key broken
    broken key
    key does not work
    key not working
    found the key
intents-protection =
    additional protection
    protection service
    order protection
    cancel protection
intents-renewal =
    renew support
    support renewal
    renewal price
    renewal cost
    how much is renewal
    support expired
    support ended
    invoice for renewal
intents-transfer =
    transfer license
    license transfer
    move license
    license to another computer
    merge licenses
    redistribute workplaces
intents-booking =
    remote help
    remote session
    remote connection
    connect remotely
    check backup
    backup review
intents-callback =
    call me back
    call me
    callback
    phone me
intents-support_faq =
    what does support include
    what is included in support
    why renew support
