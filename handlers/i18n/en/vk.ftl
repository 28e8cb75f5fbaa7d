## vk

vk-more = More choices:
vk-unreachable =
    Request #{ $number }: a message to the customer in VK was not delivered — { $error }. Usually this means the customer does not allow messages from the community. Please reach the customer another way: { $who }.
    The message not delivered:
    { $text }
vk-failed = Sorry, I could not process your message. The managers have been told; please write again a little later.
vk-set_aside = VK event { $update } (chat { $chat }) failed { $tries ->
        [one] { $tries } time
       *[other] { $tries } times
    } and was set aside: { $error }
