# A reference catalogue of three messages, for this case only.
language-name = Français
language-direction = ltr
search = Rechercher
