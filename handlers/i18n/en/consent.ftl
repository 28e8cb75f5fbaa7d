## consent

consent-text =
    To accept your phone number, documents or other personal data I need your consent to processing them ({ $law ->
        [GDPR] Regulation (EU) 2016/679, the GDPR
       *[other] Russian Federal Law No. 152-FZ "On Personal Data"
    }). The data is used only to answer your requests and is kept until you withdraw consent with /forget. To see what is stored: /mydata.
consent-policy_link = Personal data policy: { $url }
consent-agree = I consent to the processing of my personal data
consent-decline = I do not consent
consent-declined = Understood: without consent I store no personal data. Quotes and help work without it.
consent-thanks = Thank you, your consent is recorded.
consent-recorded = Consent recorded. You can withdraw it with /forget.
