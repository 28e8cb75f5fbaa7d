## manager_contact

manager_contact-menu = Връзка с мениджър
manager_contact-ask_question = Напишете въпроса си в едно съобщение — ще го предам на мениджър.
manager_contact-question_hint = Напишете въпроса си с текст.
manager_contact-too_long = Твърде дълго: най-много { $limit ->
        [one] { $limit } знак
       *[other] { $limit } знака
    }. Съкратете или разделете въпроса.
manager_contact-filed = Въпрос №{ $number } е предаден на мениджър. Мениджърът ще отговори тук, в този чат.
manager_contact-filed_after_hours = Въпрос №{ $number } е предаден на мениджърите. Сега е извън работно време: отговорът ще дойде тук; мениджърите ще го поемат { $when }.
manager_contact-card_topic = Тема: { $topic }
manager_contact-card_question = Въпрос: { $message }
manager_contact-card_next_morning = Зададен извън работно време — за следващата работна сутрин, { $when }
