## manager_contact

manager_contact-menu = Связаться с менеджером
manager_contact-ask_question = Напишите ваш вопрос одним сообщением — я передам его менеджеру.
manager_contact-question_hint = Напишите вопрос текстом.
manager_contact-too_long = Слишком длинно: не больше { $limit ->
        [one] { $limit } символа
        [few] { $limit } символов
       *[many] { $limit } символов
    }. Напишите короче или разбейте вопрос.
manager_contact-filed = Вопрос №{ $number } передан менеджеру. Менеджер ответит здесь, в этом чате.
manager_contact-filed_after_hours = Вопрос №{ $number } передан менеджерам. Сейчас нерабочее время: ответ придёт сюда, менеджеры возьмут вопрос в работу { $when }.
manager_contact-card_topic = Тема: { $topic }
manager_contact-card_question = Вопрос: { $message }
manager_contact-card_next_morning = Задан в нерабочее время — на следующее рабочее утро, { $when }
