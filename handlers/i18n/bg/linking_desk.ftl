## linking_desk

linking_desk-approve = Потвърди свързването
linking_desk-reject = Откажи свързването
linking_desk-not_link_request = Заявка №{ $number } не съществува или не е заявка за свързване. Нищо не е променено.
linking_desk-closed = Заявка №{ $number } вече е затворена ({ $status }). Нищо не е променено.
linking_desk-request_summary = Свързване, заявка №{ $number }: { $name }, { $company }, { $phone }, лиценз { $license }.
linking_desk-suggested = Подобни клиенти:
linking_desk-no_suggestions = Не са намерени подобни клиенти.
linking_desk-found = Намерено за „{ $query }“:
linking_desk-nothing_found = Нищо не е намерено за „{ $query }“.
linking_desk-ask_customer = Изберете клиента или напишете номер на клиент, телефон, номер на лиценз или име.
linking_desk-customer_hint = Напишете номер на клиент, телефон, номер на лиценз или име (до 100 знака).
linking_desk-no_customer = Няма клиент №{ $number }. Нищо не е променено.
linking_desk-no_account = Акаунтът, подал заявка №{ $number }, не е намерен. Нищо не е променено.
linking_desk-approved = Заявка №{ $number }: акаунтът е свързан с клиента { $customer }, клиентът е уведомен.
linking_desk-ask_reason = Напишете причината за отказа по заявка №{ $number } — клиентът ще я види:
linking_desk-reason_hint = Напишете причината с текст, до 500 знака.
linking_desk-rejected = Заявка №{ $number } е отхвърлена, клиентът е уведомен.
