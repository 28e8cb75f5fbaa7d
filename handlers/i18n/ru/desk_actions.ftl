## desk_actions

desk_actions-use_buttons = Пользуйтесь кнопками под карточками заявок: взять, ответить, готово, отклонить.
desk_actions-not_found = Заявка №{ $number } не найдена. Ничего не изменилось.
desk_actions-closed = Заявка №{ $number } уже { $status }: { $who }, { $when }. Ничего не изменилось.
desk_actions-taken = Заявка №{ $number } теперь ваша, статус «в работе». Клиенту сообщено.
desk_actions-already_yours = Вы уже ведёте заявку №{ $number }.
desk_actions-taken_by_other = Заявку №{ $number } уже ведёт { $manager }. Ничего не изменилось.
desk_actions-no_customer_chat = У заявки №{ $number } нет чата клиента, написать некуда.
desk_actions-ask_reply = Напишите ответ по заявке №{ $number }: следующее сообщение уйдёт клиенту. /cancel — ничего не отправлять.
desk_actions-reply_hint = Пришлите ответ текстом или /cancel.
desk_actions-reply_sent = Ответ по заявке №{ $number } отправлен клиенту.
desk_actions-ask_reason = Почему заявка №{ $number } отклонена? Напишите причину: клиент её увидит. /cancel — не отклонять.
desk_actions-reject_reason_hint = Пришлите причину текстом или /cancel.
desk_actions-rejected = Заявка №{ $number } отклонена, клиенту сообщена причина.
desk_actions-done = Заявка №{ $number } выполнена; клиенту сообщено, он получил просьбу оценить работу.
desk_actions-someone_else_writing = В этом чате ответ по заявке №{ $number } пишет { $manager }; ваше сообщение не отправлено.
desk_actions-actor_customer = клиент
desk_actions-actor_system = бот
desk_actions-customer_in_work = Ваша заявка №{ $number } взята в работу. Менеджер напишет вам здесь.
desk_actions-customer_answer =
    Ответ менеджера по заявке №{ $number }:
    { $text }
desk_actions-customer_answer_named =
    Ответ по заявке №{ $number }, менеджер { $manager }:
    { $text }
desk_actions-customer_done = Ваша заявка №{ $number } выполнена. Спасибо, что обратились к нам!
desk_actions-customer_rejected =
    Ваша заявка №{ $number } отклонена.
    Причина: { $reason }
