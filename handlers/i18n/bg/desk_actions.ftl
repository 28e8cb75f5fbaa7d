## desk_actions

desk_actions-use_buttons = Използвайте бутоните под картите на заявките: поемане, отговор, готово, отказ.
desk_actions-not_found = Заявка №{ $number } не е намерена. Нищо не е променено.
desk_actions-closed = Заявка №{ $number } вече е { $status }: { $who }, { $when }. Нищо не е променено.
desk_actions-taken = Заявка №{ $number } вече е Ваша, статус „в работа“. Клиентът е уведомен.
desk_actions-already_yours = Вие вече водите заявка №{ $number }.
desk_actions-taken_by_other = Заявка №{ $number } вече се води от { $manager }. Нищо не е променено.
desk_actions-no_customer_chat = Заявка №{ $number } няма чат с клиента, няма къде да се пише.
desk_actions-ask_reply = Напишете отговор по заявка №{ $number }: следващото Ви съобщение ще отиде при клиента. /cancel — нищо да не се изпраща.
desk_actions-reply_hint = Изпратете отговора като текст или /cancel.
desk_actions-reply_sent = Отговорът по заявка №{ $number } е изпратен на клиента.
desk_actions-ask_reason = Защо заявка №{ $number } се отказва? Напишете причината: клиентът ще я види. /cancel — без отказ.
desk_actions-reject_reason_hint = Изпратете причината като текст или /cancel.
desk_actions-rejected = Заявка №{ $number } е отказана; клиентът е уведомен за причината.
desk_actions-done = Заявка №{ $number } е изпълнена; клиентът е уведомен и помолен да я оцени.
desk_actions-someone_else_writing = В този чат отговор по заявка №{ $number } пише { $manager }; Вашето съобщение не е изпратено.
desk_actions-actor_customer = клиентът
desk_actions-actor_system = ботът
desk_actions-customer_in_work = Вашата заявка №{ $number } е поета за работа. Мениджър ще Ви пише тук.
desk_actions-customer_answer =
    Отговор на мениджъра по заявка №{ $number }:
    { $text }
desk_actions-customer_answer_named =
    Отговор по заявка №{ $number }, мениджър { $manager }:
    { $text }
desk_actions-customer_done = Вашата заявка №{ $number } е изпълнена. Благодарим, че се свързахте с нас!
desk_actions-customer_rejected =
    Вашата заявка №{ $number } е отказана.
    Причина: { $reason }
