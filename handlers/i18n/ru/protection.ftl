## protection

protection-menu = Мои ключи и защита
## -- what it is and what it costs

protection-about =
    Дополнительная защита позволяет восстановить купленные лицензии, если ключ утерян или украден, не предоставляя документов о случившемся: оплатить нужно только новый ключ по действующему прайс-листу (сейчас { $key_price }) и его доставку (сейчас { $delivery }).
    Условия:
    • услуга доступна только для ключей CodeMeter;
    • { $price }; услуга подключается только после оплаты;
    • ключ с услугой программируется на { $days ->
        [one] { $days } календарный день
        [few] { $days } календарных дня
       *[many] { $days } календарных дней
    } и продлевается автоматически: прошивка для продления формируется { $run_day }-го числа каждого месяца, если вы не сообщили об утере или краже ключа;
    • услуга действует до окончания технической поддержки лицензий на ключе, а вовремя продлённая поддержка продлевает и её;
    • если оплатить поддержку позже чем через { $grace ->
        [one] { $grace } день
        [few] { $grace } дня
       *[many] { $grace } дней
    } после её окончания или отказаться от услуги, подключить её снова можно только после повторной оплаты.
protection-price_both = стоимость за каждый ключ — { $resident } для резидентов РФ и { $non_resident } для нерезидентов РФ
protection-price_resident = стоимость — { $price } за каждый ключ (цена для резидентов РФ)
protection-price_non_resident = стоимость — { $price } за каждый ключ (цена для нерезидентов РФ)
protection-about_unlinked = Привяжите аккаунт — и здесь появятся ваши ключи: какие из них защищены и до какого числа; здесь же можно будет заказать услугу или отказаться от неё.
protection-about_no_keys = К вашему аккаунту не привязано ни одного ключа. Если ключ у вас есть, напишите менеджеру.
protection-about_button = Что это и сколько стоит
protection-keys_button = Мои ключи и защита
protection-link_button = Привязать аккаунт
## -- the keys

protection-keys_title = Ваши ключи и дополнительная защита:
protection-programmed_until = ключ запрограммирован до { $date }
protection-programmed_unknown = до какого числа запрограммирован ключ, пока не известно
protection-key_connected = • { $serial }: защита подключена, { $programmed }; ключ продлевается каждый месяц, пока действует поддержка его лицензий, — до { $support_end }.
protection-key_support_ended = • { $serial }: защита подключена, но поддержка его лицензий закончилась { $support_end }, поэтому ключ больше не продлевается ({ $programmed }). Продлите поддержку не позже { $deadline }, чтобы сохранить услугу.
protection-key_lapsed = • { $serial }: защита не действует — поддержку его лицензий не продлили в течение { $days ->
        [one] { $days } дня
        [few] { $days } дней
       *[many] { $days } дней
    } после окончания ({ $support_end }). Подключить её снова можно только после оплаты: { $price }.
protection-key_not_connected = • { $serial }: защита не подключена. Её можно заказать за { $price }; она будет действовать, пока действует поддержка лицензий ключа (до { $support_end }).
protection-key_no_licenses = • { $serial }: на ключе нет лицензий — защищать нечего.
protection-key_not_available = • { $serial }: это модуль защиты, а услуга доступна только для ключей CodeMeter.
protection-key_reported = • { $serial }: ключ { $status }, услуга к нему не применяется.
protection-key_pending = Заявка №{ $number } ({ $kind }) уже у менеджеров.
protection-status_lost = заявлен утерянным
protection-status_stolen = заявлен украденным
protection-status_broken = заявлен сломанным
protection-status_found = найден после утери или кражи
protection-status_replaced = заменён
protection-order_button = Заказать защиту: { $serial }
protection-cancel_button = Отказаться от защиты: { $serial }
protection-not_your_key = Этот ключ не найден среди ваших. Выберите ключ кнопкой.
protection-already_filed = По ключу { $serial } уже есть заявка №{ $number } ({ $kind }) — она у менеджеров, вторую подавать не нужно. Ход заявки виден в «Моих заявках».
protection-cannot_order = Для ключа { $serial } заказать защиту сейчас нельзя — его состояние ниже.
protection-cannot_cancel = У ключа { $serial } нет действующей защиты — отказываться не от чего.
## -- ordering and cancelling

protection-residency_resident = цена для резидентов РФ
protection-residency_other = цена для нерезидентов РФ
protection-order_question =
    Заказать дополнительную защиту для ключа { $serial } (лицензии: { $licenses })?
    Стоимость — { $price } ({ $residency }). Услуга подключается только после оплаты: менеджер пришлёт счёт, а после оплаты подключит защиту. Ключ будет программироваться на { $days ->
        [one] { $days } календарный день
        [few] { $days } календарных дня
       *[many] { $days } календарных дней
    } и продлеваться { $run_day }-го числа каждого месяца, пока действует поддержка его лицензий.
protection-order_support_until = Поддержка лицензий этого ключа действует до { $support_end }; вовремя продлённая поддержка продлевает и защиту.
protection-order_support_ended = Поддержка лицензий этого ключа закончилась { $support_end }, а услуга действует только вместе с поддержкой: продлите и её.
protection-order_yes = Да, заказать
protection-no = Нет
protection-cancel_question =
    Отказаться от дополнительной защиты ключа { $serial }?
    Без неё при утере или краже лицензии восстанавливаются только по документам. Подключить услугу снова можно будет только после повторной оплаты — { $price } ({ $residency }).
protection-cancel_yes = Да, отказаться
protection-nothing_filed = Хорошо, ничего не меняю.
protection-order_filed = Заявка №{ $number } на подключение защиты ключа { $serial } передана менеджерам. Услуга подключается только после оплаты: менеджер пришлёт счёт на { $price }, а после оплаты подключит защиту — я сообщу.
protection-cancel_filed = Заявка №{ $number } на отказ от защиты ключа { $serial } передана менеджерам. Пока менеджер не отключит услугу, она действует как прежде; когда отключит — я сообщу. Подключить её снова можно будет только после оплаты.
protection-connected_notice = Дополнительная защита ключа { $serial } подключена { $on }. Ключ запрограммирован до { $until } и будет продлеваться { $run_day }-го числа каждого месяца, пока действует поддержка его лицензий (сейчас — до { $support_end }); вовремя продлённая поддержка продлевает и защиту.
protection-disconnected_notice = Дополнительная защита ключа { $serial } отключена { $on }. Подключить её снова можно только после оплаты ({ $price }).
## -- the managers' card

protection-card_key = Ключ: { $serial } (CodeMeter)
protection-card_licenses = Лицензии: { $licenses }; поддержка до { $end }
protection-card_unknown_date = не известно
protection-card_state = Защита при подаче заявки: { $state }
protection-state_connected = подключена, поддержка действует
protection-state_support_ended = подключена, поддержка закончилась (сохраняется, если продлить её в срок)
protection-state_lapsed = не действует: поддержку не продлили в срок
protection-state_not_connected = не подключена
protection-state_no_licenses = на ключе нет лицензий
protection-state_not_available = не ключ CodeMeter
protection-state_reported = ключ не в работе (утерян, украден, сломан, найден после утери или заменён)
protection-card_price = Стоимость услуги: { $price } ({ $residency })
protection-card_order_todo = Пришлите клиенту счёт. После оплаты подключите услугу и нажмите «Готово»: бот запишет, что защита подключена, и сообщит клиенту.
protection-card_connected = Защита подключена { $on }, ключ запрограммирован до { $until }.
protection-card_programmed_until = Ключ запрограммирован до { $until }
protection-card_reconnect_price = Повторное подключение будет стоить { $price } ({ $residency })
protection-card_cancel_todo = Клиент отказывается от услуги. Отключите её и нажмите «Готово»: бот запишет, что защита отключена, и сообщит клиенту.
protection-card_disconnected = Защита отключена { $on }.
