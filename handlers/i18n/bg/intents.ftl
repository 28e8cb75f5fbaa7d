## intents: phrases that plainly ask for one of the conversations, one per line
## (handlers/rules/intents.py). A customer who writes one of them at the main menu, in any
## inflected form, is offered that conversation's button and "Send to a manager".
## Extend them in a vendor's override folder; the message name is intents-<flow>.

intents-key_loss =
    изгубихме ключа
    изгубен ключ
    загубен ключ
    откраднат ключ
    откраднаха ключа
    счупен ключ
    ключът се счупи
    повреден ключ
    ключът не работи
    намерихме ключа
intents-protection =
    допълнителна защита
    поръчка на защита
    включване на защита
    отказ от защита
intents-renewal =
    подновяване на поддръжката
    подновя поддръжката
    удължаване на поддръжката
    колко струва подновяването
    цена на подновяване
    поддръжката изтече
    изтекла поддръжка
intents-transfer =
    прехвърляне на лиценз
    прехвърля лиценза
    лиценз на друг компютър
    обединяване на лицензи
    преразпределяне на работни места
intents-booking =
    дистанционна помощ
    отдалечена помощ
    отдалечено свързване
    дистанционно свързване
    проверка на архив
    проверка на резервно копие
intents-callback =
    обадете ми се
    обадете се
    обратно обаждане
    позвънете ми
intents-support_faq =
    какво включва поддръжката
    защо да подновя поддръжката
