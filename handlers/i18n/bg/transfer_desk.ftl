## transfer_desk

transfer_desk-use_buttons = Решението за връщане на модули се взема с бутоните на картата на заявката.
transfer_desk-approve = Одобри връщането на модули
transfer_desk-reject = Откажи връщането на модули
transfer_desk-not_found = Няма заявка за прехвърляне №{ $number }. Нищо не е променено.
transfer_desk-closed = Заявка №{ $number } вече е { $status }. Нищо не е променено.
transfer_desk-already_decided = По заявка №{ $number } вече е решено: връщането на модули е { $decision } ({ $manager }). Нищо не е променено.
transfer_desk-no_return_asked = По заявка №{ $number } сега не е нужно решение за връщане на модули. Нищо не е променено.
transfer_desk-decision_approved = одобрено
transfer_desk-decision_rejected = отказано
transfer_desk-choose_reason = Защо да се откаже връщането на модули по заявка №{ $number }? Изберете причина — клиентът ще я види.
transfer_desk-reason_not_needed = Връщането не е нужно
transfer_desk-reason_no_guarantee = В писмото няма гаранция за връщане
transfer_desk-reason_not_agreed = Не е съгласувано с разработчика
transfer_desk-reason_not_needed_customer = връщането на модули не е нужно, операцията ще се извърши на текущите Ви модули
transfer_desk-reason_no_guarantee_customer = в писмото няма гаранция за връщане на модулите; изпратете на мениджъра поправено писмо
transfer_desk-reason_not_agreed_customer = връщането на модулите не е съгласувано с представителя на разработчика
transfer_desk-customer_approved = По заявка №{ $number } връщането на защитните модули е одобрено: вместо върнатите модули ще получите нови. Мениджър ще Ви каже как да изпратите модулите.
transfer_desk-customer_rejected = По заявка №{ $number } връщането на защитните модули не е одобрено: { $reason }. Мениджър ще се свърже с Вас за следващите стъпки.
transfer_desk-recorded_told = Записано: връщането на модули по заявка №{ $number } е { $decision }. Клиентът е уведомен.
transfer_desk-recorded_untold = Записано: връщането на модули по заявка №{ $number } е { $decision }. Няма чат, в който да се уведоми клиентът.
