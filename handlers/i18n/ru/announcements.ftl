## Объявления глазами клиента: кнопки под объявлением, отказ от объявлений (/announcements).

## announcements

announcements-button_stop = Не присылать объявления
announcements-button_stop_yes = Да, не присылать
announcements-button_keep = Оставить как есть
announcements-button_on = Снова получать объявления
announcements-button_renew = Продлить поддержку
announcements-button_manager = Связаться с менеджером
announcements-confirm_stop = Больше не присылать объявления в этот чат? Ответы на ваши заявки и напоминания о поддержке будут приходить как прежде.
announcements-stopped = Готово: объявления в этот чат больше не придут. Включить их снова: /announcements on или кнопка ниже.
announcements-kept = Хорошо, объявления будут приходить как прежде.
announcements-turned_on = Объявления в этот чат снова включены. Отказаться можно кнопкой под любым объявлением.
announcements-status_on = Объявления в этот чат приходят. Отказаться: кнопка ниже или /announcements off.
announcements-status_off = Объявления в этот чат не приходят (вы отказались). Включить снова: кнопка ниже или /announcements on.
