language-name = Occitan
language-direction = ltr
serch = Cercar
ouvert maintenant
