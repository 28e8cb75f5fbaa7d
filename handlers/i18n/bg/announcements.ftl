## Обявленията, както ги вижда клиентът: бутоните под обявлението, отказ (/announcements).

## announcements

announcements-button_stop = Без обявления
announcements-button_stop_yes = Да, без обявления
announcements-button_keep = Остави както е
announcements-button_on = Отново получавай обявления
announcements-button_renew = Поднови поддръжката
announcements-button_manager = Свържи се с мениджър
announcements-confirm_stop = Да не изпращам повече обявления в този чат? Отговорите по заявките Ви и напомнянията за поддръжката ще продължат да идват.
announcements-stopped = Готово: в този чат няма да идват обявления. Включване отново: /announcements on или бутона по-долу.
announcements-kept = Добре, обявленията ще продължат да идват.
announcements-turned_on = Обявленията в този чат са включени отново. Можете да се откажете с бутона под всяко обявление.
announcements-status_on = Обявленията идват в този чат. Отказ: бутона по-долу или /announcements off.
announcements-status_off = Обявленията не идват в този чат (отказали сте се). Включване отново: бутона по-долу или /announcements on.
