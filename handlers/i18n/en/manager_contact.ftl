## manager_contact

manager_contact-menu = Contact a manager
manager_contact-ask_question = Type your question in one message and I will pass it to a manager.
manager_contact-question_hint = Type your question as text.
manager_contact-too_long = Too long: at most { $limit ->
        [one] { $limit } character
       *[other] { $limit } characters
    }. Please make it shorter or split the question.
manager_contact-filed = Question #{ $number } has been passed to a manager. The manager will answer here, in this chat.
manager_contact-filed_after_hours = Question #{ $number } has been passed to the managers. It is outside working hours now: the answer will come here; the managers will take it up { $when }.
manager_contact-card_topic = Topic: { $topic }
manager_contact-card_question = Question: { $message }
manager_contact-card_next_morning = Asked outside working hours — for the next working morning, { $when }
