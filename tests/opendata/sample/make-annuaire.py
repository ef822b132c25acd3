"""Writes annuaire-landes.csv: a fictional directory of 150 associations in the Landes, as
a territory keeps it in a spreadsheet and Excel saves it (« CSV (séparateur : point-virgule) »,
Windows-1252, decimal commas). Real communes with the approximate coordinates of their
centres; invented associations, numbers and addresses. Five rows are wrong on purpose (rows
23, 58, 91, 117 and 140 of the table: a phone number, a postal code, a category, coordinates
missing, hours written in French): the import must refuse exactly those.

Usage: python3 make-annuaire.py > annuaire-landes.csv  (the file is committed; this says how)
"""

import sys

COMMUNES = [
    ("Mont-de-Marsan", "40000", 43.8906, -0.4997),
    ("Dax", "40100", 43.7102, -1.0536),
    ("Biscarrosse", "40600", 44.3942, -1.1635),
    ("Saint-Paul-lès-Dax", "40990", 43.7264, -1.0519),
    ("Capbreton", "40130", 43.6422, -1.4286),
    ("Tarnos", "40220", 43.5401, -1.4621),
    ("Aire-sur-l'Adour", "40800", 43.7022, -0.2622),
    ("Saint-Vincent-de-Tyrosse", "40230", 43.6603, -1.3047),
    ("Mimizan", "40200", 44.2003, -1.2292),
    ("Parentis-en-Born", "40160", 44.3522, -1.0703),
    ("Soustons", "40140", 43.7528, -1.3283),
    ("Hagetmau", "40700", 43.6586, -0.5917),
    ("Saint-Sever", "40500", 43.7572, -0.5739),
    ("Morcenx-la-Nouvelle", "40110", 44.0364, -0.9117),
    ("Labenne", "40530", 43.5956, -1.4253),
    ("Seignosse", "40510", 43.6886, -1.3711),
    ("Peyrehorade", "40300", 43.5447, -1.1083),
    ("Saint-Martin-de-Seignanx", "40390", 43.5428, -1.3867),
    ("Roquefort", "40120", 44.0347, -0.3211),
    ("Gabarret", "40310", 43.9850, 0.0111),
    ("Tartas", "40400", 43.8322, -0.8083),
    ("Pontonx-sur-l'Adour", "40465", 43.7878, -0.9267),
    ("Rion-des-Landes", "40370", 43.9350, -0.9247),
    ("Labouheyre", "40210", 44.2117, -0.9219),
    ("Sabres", "40630", 44.1461, -0.7442),
]

KINDS = [
    ("Épicerie solidaire", "Épicerie solidaire", "Tu,Th 14:00-18:00; Sa 09:00-12:00; PH off"),
    ("Le Panier partagé", "Distribution alimentaire", "We 09:00-12:00"),
    ("Table ouverte", "Repas solidaires", "Mo-Fr 11:30-13:30"),
    ("Vestiaire solidaire", "Vêtements", "Tu 14:00-17:00; Sa 10:00-12:00"),
    ("Point d'accès aux droits", "Accès aux droits et démarches", "Mo,Th 09:00-12:00,14:00-17:00"),
    ("Les Amis du lien", "lien-social", "Fr 14:00-18:00"),
]

STREETS = ["rue de la Paix", "avenue des Pins", "place du Marché", "rue des Écoles",
           "chemin du Lac", "allée des Chênes"]

WRONG = {23: "phone", 58: "postal", 91: "category", 117: "coordinates", 140: "hours"}

rows = [["Nom", "Adresse", "Code postal", "Ville", "Téléphone", "Courriel", "Site",
         "Catégorie", "Horaires", "Latitude", "Longitude", "Remarques"]]
for n in range(1, 151):
    commune, cp, lat, lon = COMMUNES[n % len(COMMUNES)]
    kind, category, hours = KINDS[n % len(KINDS)]
    name = f"{kind} {n:03d}"
    slug = f"asso-{n:03d}"
    # Each association a little apart from the commune's centre, within a kilometre.
    lat += ((n * 37) % 17 - 8) * 0.001
    lon += ((n * 53) % 19 - 9) * 0.001
    phone = f"05 58 {10 + n % 80:02d} {n % 100:02d} {(n * 7) % 100:02d}"
    row = [name, f"{n % 90 + 1} {STREETS[n % len(STREETS)]}", cp, commune, phone,
           f"contact@{slug}.example.org", f"www.{slug}.example.org", category, hours,
           f"{lat:.4f}".replace(".", ","), f"{lon:.4f}".replace(".", ","),
           "fictif" if n % 10 else "à rappeler"]
    wrong = WRONG.get(n)
    if wrong == "phone":
        row[4] = "05 58 12"
    elif wrong == "postal":
        row[2] = "4010"
    elif wrong == "category":
        row[7] = "Aide aux devoirs"
    elif wrong == "coordinates":
        row[9] = row[10] = ""
    elif wrong == "hours":
        row[8] = "du lundi au vendredi de 9h à 12h"
    rows.append(row)

out = sys.stdout.buffer
for row in rows:
    cells = [f'"{c}"' if (";" in c or '"' in c) else c for c in row]
    out.write((";".join(cells) + "\r\n").encode("cp1252"))
