#!/usr/bin/env python3
"""Writes iso-3166-1.csv (code, English, Korean, Ukrainian) from Debian's iso-codes package, whose translations are
maintained by Debian's translation teams: apt-get install iso-codes; python3 generate-countries.py > iso-3166-1.csv.
The common name is used where the standard has one ("South Korea", not "Korea, Republic of"); a translation missing
for it falls back to the translation of the formal name, then to English."""
import csv, gettext, json, sys

ROOT = '/usr/share'
countries = json.load(open(f'{ROOT}/iso-codes/json/iso_3166-1.json', encoding='utf-8'))['3166-1']
catalogs = {lang: gettext.GNUTranslations(open(f'{ROOT}/locale/{lang}/LC_MESSAGES/iso_3166-1.mo', 'rb')) for lang in ('ko', 'uk')}

def translated(lang, country):
    for name in (country.get('common_name'), country['name'], country.get('official_name')):
        if name and catalogs[lang].gettext(name) != name:
            return catalogs[lang].gettext(name)
    return country.get('common_name', country['name'])

out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['code', 'name', 'name_ko', 'name_uk'])
for country in sorted(countries, key=lambda c: c.get('common_name', c['name'])):
    out.writerow([country['alpha_2'], country.get('common_name', country['name']), translated('ko', country), translated('uk', country)])
