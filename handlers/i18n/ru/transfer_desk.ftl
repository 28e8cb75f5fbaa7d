## transfer_desk

transfer_desk-use_buttons = Решение о возврате модулей принимается кнопками на карточке заявки.
transfer_desk-approve = Одобрить возврат модулей
transfer_desk-reject = Отклонить возврат модулей
transfer_desk-not_found = Заявки на перенос №{ $number } нет. Ничего не изменилось.
transfer_desk-closed = Заявка №{ $number } уже { $status }. Ничего не изменилось.
transfer_desk-already_decided = По заявке №{ $number } уже решено: возврат модулей { $decision } ({ $manager }). Ничего не изменилось.
transfer_desk-no_return_asked = По заявке №{ $number } решение о возврате модулей сейчас не требуется. Ничего не изменилось.
transfer_desk-decision_approved = одобрен
transfer_desk-decision_rejected = отклонён
transfer_desk-choose_reason = Почему отклонить возврат модулей по заявке №{ $number }? Выберите причину — клиент её увидит.
transfer_desk-reason_not_needed = Возврат не нужен
transfer_desk-reason_no_guarantee = В письме нет гарантии возврата
transfer_desk-reason_not_agreed = Не согласовано разработчиком
transfer_desk-reason_not_needed_customer = возврат модулей не требуется, операция будет выполнена на ваших текущих модулях
transfer_desk-reason_no_guarantee_customer = в письме нет гарантии возврата модулей; пришлите менеджеру исправленное письмо
transfer_desk-reason_not_agreed_customer = возврат модулей не согласован представителем разработчика
transfer_desk-customer_approved = По заявке №{ $number } возврат модулей защиты одобрен: вместо возвращаемых модулей вы получите новые. Менеджер сообщит, как отправить модули.
transfer_desk-customer_rejected = По заявке №{ $number } возврат модулей защиты не одобрен: { $reason }. Менеджер свяжется с вами по дальнейшим шагам.
transfer_desk-recorded_told = Записано: возврат модулей по заявке №{ $number } { $decision }. Клиенту сообщено.
transfer_desk-recorded_untold = Записано: возврат модулей по заявке №{ $number } { $decision }. Сообщить клиенту некуда.
