# Dates are typed day first whatever the language and the browser: 05/01/2027 is the 5th of January
# (never May), as Vietnamese documents write them; ISO dates (2027-01-05) are read too, as the API sends them.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
