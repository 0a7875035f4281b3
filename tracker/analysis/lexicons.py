"""French and German category and watch-out rules, in the form ``classify`` uses for English.

Each rule is (category id, rule name, regex over the normalized token string: lowercased words
with accents kept, one space between tokens and one at each end; "l'utilisateur" is "l
utilisateur"). Topic rules are broad (what a clause is about); watch rules are narrow (the clause
itself establishes a term to watch out for). The English watch-out model is not applied to French
or German text: there the watch rules decide alone.

The vocabulary follows the taxonomy and the wording of French CGU/CGV and German AGB/
Nutzungsbedingungen (e.g. "tacite reconduction", "Gerichtsstand", "ohne Vorankündigung").
"""

from __future__ import annotations

import re

__all__ = ["CONSEQUENCE", "NEGATION", "QUALIFIER_OPEN", "TOPIC", "TRAINING_OPT_OUT", "WATCH", "language"]

# Words that turn a sentence into its opposite, en/fr/de/es: a quote that starts after one of them
# ("…share your personal data with partners" of "We will not, under any circumstances, share your
# personal data with partners") says the contrary of the clause.
NEGATION = re.compile(r"(?<![\w'’-])(?:(?:not|never|no|nor|neither|cannot|\w+n['’]t|ne|pas|jamais|aucun\w*|nullement|"
                      r"nicht|kein\w*|niemals|nie|nunca|jamás|ningún|ninguna|ninguno|tampoco)(?![\w'’-])|"
                      r"n['’](?=\w))", re.I)
# Words put in or taken out that qualify a clause's words rather than name more it covers: an
# exception, a condition, an example, en/fr/de ("except where indicated", "even if that person
# isn’t", "like the CCPA", "sauf accord contraire", "außer bei Vorsatz").
QUALIFIER_OPEN = re.compile(r"^\W*(?:except|excluding|unless|even\s+(?:if|when|where|though)|if|when|where|whether|"
                            r"provided|subject\s+to|other\s+than|like|such\s+as|including|includes|notably|e\.g\.|"
                            r"by|sauf|hors|à\s+l['’]exception|y\s+compris|notamment|comme|si|lorsque|außer|"
                            r"ausgenommen|einschließlich|insbesondere|wie|sofern|wenn|falls)\b", re.I)
# "majeur"/"mineur" said of a thing, not a person: "inconvénient majeur", "défaut mineur", "force
# majeure", "modification mineure" (a major drawback, a minor defect) name no age of majority
_NOT_OF_PERSON = "".join(f"(?<!{w} )" for w in (
    "force", "cas", "inconvénient", "inconvénients", "défaut", "défauts", "changement", "changements",
    "modification", "modifications", "incident", "incidents", "risque", "risques", "problème", "problèmes",
    "manquement", "manquements", "motif", "motifs", "raison", "raisons", "évolution", "évolutions", "impact",
    "impacts", "version", "versions", "importance", "intérêt", "dommage", "dommages", "panne", "pannes"))
# An age in digits or in words, as normalized ("dix huit", "achtzehn", "einundzwanzig")
_FR_AGE = (r"(?:\d{1,2}|dix(?: (?:sept|huit|neuf))?|onze|douze|treize|quatorze|quinze|seize|"
           r"vingt(?: et un| (?:deux|trois|quatre|cinq))?)")
# personal details a service names one by one (German: "Ihren Namen, Ihre Postanschrift")
_DE_DETAILS = (r"(?:namen?|vornamen?|nachnamen?|e mail adressen?|\w*anschrift\w*|(?:post|wohn|rechnungs|"
               r"liefer|ip )?adressen?|\w*telefonnummer\w*|handynummer\w*|mobilnummer\w*|geburtsdatum\w*|"
               r"standort\w*|bankverbindung\w*|kontodaten|zahlungsdaten|suchverlauf\w*|browserverlauf\w*)")
_DE_AGE = (r"(?:\d{1,2}|zehn|elf|zwölf|(?:drei|vier|fünf|sech|sieb|acht|neun)zehn|"
           r"(?:(?:ein|zwei|drei|vier|fünf)und)?zwanzig)")
_W4 = r"(?: \S+){0,4}"
_W8 = r"(?: \S+){0,8}"
# Not right after the user as subject ("vous pouvez", "l'utilisateur peut"): the user ending
# the contract is not the provider's power to end it.
_NOT_USER = (r"(?<!^ vous )(?<! si vous )(?<! vous pouvez )(?<! vous pourrez )(?<! utilisateur )(?<! client )"
             r"(?<! abonné )(?<! membre )(?<! utilisateur peut )(?<! client peut )(?<! abonné peut )"
             r"(?<! membre peut )")
# A French object pronoun right before the verb ("nous les partageons"): matched by look-behind so
# that the rule's pre-check keys on the verb, not on "les".
_CLITIC = r"(?:(?<= les )|(?<= la )|(?<= l )|(?<= le )|(?<= leur ))"

# What breaking a rule leads to ("le non-respect de cette clause peut entraîner la suspension du
# compte", "Verstöße können zur Sperrung des Kontos führen"): the sentence enforces a rule of use,
# its termination words are a consequence said in passing (as ``classify._CONSEQUENCE`` in English).
CONSEQUENCE = (r"(?:entraîn\w*|donner lieu à|donnera lieu à|donne lieu à|conduire à|mener à|"
               r"exposer? à|expose à)(?: \S+){0,3} (?:la |l |une |son |sa |leur )?(?:suspension|résiliation|"
               r"suppression|clôture|exclusion|fermeture|bannissement|désactivation|retrait|radiation)|"
               r"sous peine de|"
               r"(?:zur|zu einer|zum) (?:sofortigen |fristlosen |dauerhaften |vorübergehenden )?"
               r"(?:sperrung|kündigung|löschung|deaktivierung|ausschluss)(?: \S+){0,5} (?:führen|führt|"
               r"berechtigen)")

TOPIC: dict[str, list[tuple[str, str, str]]] = {
    "fr": [
        # (la Commission européenne, la Commission nationale de l'informatique: a public body, no fee)
        ("pricing", "prix", r" (?:prix|tarifs?|tarification|tarifaire|frais|commissions?(?! européenne| nationale)|"
         r"coûts?|"
         # (a free plan, member or version named, "les membres gratuits", "la version gratuite": who
         # or what a sentence is about, as "the free plan" in English; nothing is priced)
         r"payante?s?|(?<!membres )(?<!membre )(?<!comptes )(?<!compte )(?<!versions )(?<!version )(?<!offres )"
         r"(?<!offre )(?<!formules )(?<!formule )(?<!utilisateurs )(?<!utilisateur )(?<!plans )(?<!plan )"
         r"gratuite?s?|gratuitement|redevances?|€|eur|euros?|ttc|ht|taux|majoration|"
         r"supplément|prélev\w*(?: \S+){0,3} \d+(?: \d+)? %|"
         # money or a share taken from someone's sale or order, without the word "frais"
         r"\d+(?: \d+)? % (?:\S+ ){0,2}(?:sur|de|du|des) (?:chaque |la |le |l |les |leur |votre )?(?:ventes?|"
         r"transactions?|commandes?|montant|prix|chiffre d affaires)) "),
        # (late payment and dunning first, before the weak bare "paiement": taxonomy, payment)
        ("payment", "paiement", r" (?:(?:retards?|défauts?|incidents?) de paiement|pénalités? de retard|"
         r"intérêts? de retard|frais de (?:relance|recouvrement)|relances? de paiement|lettres? de relance|paiements?|payer|payé|payée|factures?|facturation|facturée?s?|"
         r"carte bancaire|cartes bancaires|carte de crédit|prélèvements?|tva|taxes?|paypal|débit\w*|"
         r"compte bancaire|virements?|visa|mastercard|american express|apple pay|google pay|sepa|"
         r"encaissement|moyens? de paiement|règlement du prix|acompte|paiement en \S+ fois) "),
        ("refunds", "remboursement", r" (?:rembours\w*|non remboursables?|rétractation|"
         r"annul\w*(?: \S+){0,3} commandes?|"
         r"droit de retour|frais de retour|retourner (?:le|les) (?:produits?|articles?)|cashback|"
         r"cagnotte|bons? d achat|avoirs? (?:d un|de|sur)|crédits? (?:d achat|non utilisés)|"
         # a prorated credit given back ("un avoir au prorata de la période restante")
         r"(?:avoirs?|crédits?)(?: \S+){0,2} au prorata|au prorata(?: \S+){0,4} (?:avoirs?|crédits?)) "),
        ("subscription", "abonnement", r" (?:abonnements?|abonnée?s?|renouvel\w*|reconduction|"
         r"reconduite?|tacitement|période d essai|essai gratuit|adhésion|sans engagement|"
         r"résili\w*(?: \S+){0,3} (?:abonnement|adhésion)) "),
        ("arbitration", "arbitrage", r" (?:arbitrage|arbitrale?s?|arbitres?|médiation|médiateur|"
         r"règlement (?:amiable|extrajudiciaire) des litiges) "),
        ("class-action", "action de groupe", r" (?:actions? de groupe|actions? collectives?|"
         r"recours collectifs?) "),
        ("governing-law", "droit applicable", r" (?:droit (?:français|belge|luxembourgeois|"
         r"irlandais|allemand|suisse|applicable)|loi applicable|(?:régies?|régis|soumise?s?|"
         r"interprétée?s?)(?: \S+){0,3} (?:droit|loi|lois)) "),
        # ("dans certaines juridictions", "d'autres juridictions": des pays, aucun tribunal nommé)
        ("jurisdiction", "tribunaux", r" (?:tribunal|tribunaux|(?<!certaines )(?<!autres )(?<!plusieurs )(?<!nombreuses )"
         r"(?<!différentes )(?<!toutes )juridictions?|compétence "
         r"(?:territoriale|exclusive|juridictionnelle)|attribution de compétence|"
         r"(?:seuls?|exclusivement) compétente?s?) "),
        # (a company's legal form, "société à responsabilité limitée", names no liability; "en aucun
        # cas" only where it goes on to what is owed: "nous ne vendrons en aucun cas vos données" is a
        # promise about data)
        # ("il est de votre responsabilité de ...": the user's duty, a rule of use)
        ("liability", "responsabilité", r" (?:(?<!votre )(?<!leur )(?<!de sa )responsabilité(?! limitée)|responsables?|garanties?|"
         r"dommages|(?<!sans )préjudices?|en aucun cas(?=(?: \S+){0,6} (?:tenue?s?|garanti\w*|indemni\w*|"
         r"pertes?|dommages?|préjudices?) )|force majeure|ne saurait) "),
        ("indemnity", "garantir", r" (?:indemnis\w*|garantir(?: \S+){0,3} contre|relever indemne|"
         r"tenir indemne) "),
        ("termination", "résiliation", r" (?:résili\w*|suspen\w*|clôtur\w*|désactiv\w*|"
         r"(?:supprimer|bloquer|fermer|fermeture)(?: \S+){0,2} (?:compte|accès)|exclusion) "),
        ("terms-changes", "modification", r" (?:(?:modifi\w*|mettre à jour|mise à jour|"
         r"évoluer|amender)(?: \S+){0,4} (?:conditions|cgu|cgv|présentes|contrat|politique)|"
         r"nouvelles? versions? des? (?:conditions|cgu|cgv)) "),
        ("content-removal", "retrait de contenus", r" (?:(?:retir\w*|supprim\w*|modér\w*|"
         r"bloqu\w*|refus\w*|masqu\w*)(?: \S+){0,6} (?:contenus?|publications?|avis|commentaires?|"
         r"annonces?|messages?)|modération) "),
        ("content-rights", "propriété intellectuelle", r" (?:licences?|propriété intellectuelle|"
         r"droits? d auteur|marques?|cession|c[éè]d(?:er|ez|e|ent|ons|é|és|ée|ées)|concéd\w*|droits? d utilisation|"
         r"(?:tous|l ensemble des) (?:les |vos )?droits (?:sur|de propriété)|(?:restez|reste|demeurez|demeure) "
         r"propriétaires?) "),
        ("privacy", "données personnelles", r" (?:données personnelles|données à caractère "
         r"personnel|vie privée|cookies?|traceurs?|rgpd|cnil|traitement des données|"
         # (what is done with the data, sold or rented out too, and contact details named so:
         # "nous pouvons vendre vos coordonnées à des partenaires")
         r"(?:conserv\w*|collect\w*|recueill\w*|partag\w*|transf\w*|communiqu\w*)(?: \S+){0,4} "
         r"(?:données|coordonnées|informations personnelles|renseignements personnels)|"
         r"(?:vend(?:re|ons|ez|ent|rons|rait|raient)|lou(?:er|ons|ez|ent)|divulgu\w*)(?: \S+){0,2} (?:vos|tes|leurs|ses) "
         r"(?:\S+ )?(?:données|coordonnées|informations|renseignements)|"
         r"(?:données|coordonnées|informations personnelles|renseignements personnels)(?: \S+){0,4} "
         r"(?:vendue?s?|louée?s?|divulguée?s?)|données(?: \S+){0,4} (?:sont|seront|est|sera|peuvent être) (?:conservées|supprimées|"
         r"effacées|anonymisées)|protection des données|autorité de contrôle|g[ée]olocalisation|localisation précise|"
         # kinds of data, the legal basis of processing, data rights, marketing by phone or email
         r"données (?:de localisation|de trafic|de connexion|de navigation|d identification|de contact|"
         r"socio ?démographiques?|de santé|biométriques|clients?|d usage|de paiement)|socio ?démographiques?|"
         r"base légale|intérêt légitime|exercer (?:vos|ses|leurs) droits|droit (?:d accès|de rectification|"
         r"d effacement|à l effacement|d opposition|à la portabilité|à la limitation)|"
         r"prospection commerciale|(?:contacté\w*|sollicité\w*|démarché\w*) par (?:téléphone|sms|e ?mail|"
         r"courrier électronique|courriel)|démarchage|adresses? ip|"
         r"sous traitants? ultérieurs?|profilage|anonymis\w*|pseudonymis\w*|"
         # retention said of the data, or of a pronoun, after it ("les données sont conservées
         # pendant 6 mois", "elles pourront être conservées et traitées pendant 3 ans")
         r"données(?: \S+){0,4} (?:sont|seront|est|sera|peuvent être|pourront être) (?:conservée?s?|"
         r"stockée?s?|archivée?s?|traitée?s?|collectée?s?|partagée?s?|transmise?s?)|durée de conservation|"
         r"(?:conservée?s?|stockée?s?|archivée?s?)(?: et \S+)?(?: \S+){0,3} (?:pendant|durant|jusqu)|"
         r"(?:conservée?s?|stockée?s?|archivée?s?) \d+ (?:jours|semaines|mois|ans|années)|"
         r"(?:logs?|journaux|journal) (?:d usage|de connexion|d activité|d accès)|"
         # proof of identity and biometrics ("un scan de votre pièce d'identité", "reconnaissance faciale")
         r"(?:pièces?|documents?|cartes?|justificatifs?|preuves?) d identité|(?:vérification|contrôle|"
         r"vérifier|contrôler|confirmer)(?: \S+){0,4} (?:d |de (?:votre |son |leur |l )?)?identité|"
         r"numéros? d identification|biométri\w*|reconnaissance faciale|traits? du visage|"
         # offers and ads chosen for the person ("nous permet de vous proposer des produits
         # susceptibles de vous intéresser": a partner profiling the visitor)
         r"(?:publicités?|annonces?|offres?|contenus?|recommandations?) (?:personnalisée?s?|ciblée?s?)|"
         r"susceptibles? de vous intéresser|(?:selon|en fonction de|adaptée?s? à) vos centres d intérêts?|"
         # kinds of personal details collected or kept, named one by one ("nous collectons votre
         # nom, votre adresse e-mail et votre numéro de téléphone")
         r"(?:collect|recueill|conserv|enregistr|partag|transm)\w*(?: \S+){0,8} (?:nom|noms|adresses? (?:e mail|"
         r"électronique|postale|ip)|numéros? de téléphone|historique|date de naissance|localisation)|"
         r"historique de navigation|données de recherche|termes? de recherche) "),
        # the data named by a pronoun before the verb ("nous les partageons avec nos partenaires",
        # "nous pouvons la transmettre à des tiers") and who receives it
        ("privacy", "partage des données", r" " + _CLITIC + r"(?:vend|partag|transmet|communiqu|"
         r"céd|cèd|transf[eéè]r|divulgu|lou)\w*(?: \S+){0,4} (?:avec|à|aux|qu avec|qu à|qu aux) "
         r"(?:\S+ ){0,14}(?:tiers|partenaires|annonceurs|filiales|sociétés affiliées|sous traitants|"
         r"prestataires|courtiers) "),
        ("ai-training", "intelligence artificielle", r" (?:intelligence artificielle|ia|"
         r"apprentissage automatique|entraîn\w*(?: \S+){0,4} (?:modèles?|algorithmes?|ia)|"
         r"modèles? d ia|(?:améliorer|entraîner|développer) (?:nos|ses|leurs|les) modèles) "),
        ("acceptance", "acceptation", r" (?:en (?:utilisant|accédant|naviguant|vous inscrivant)"
         r"(?: \S+){0,6} (?:acceptez|accepte|acceptation|reconnaissez)|vaut acceptation|emporte acceptation|acceptation (?:pleine et entière|sans "
         r"réserve|des (?:présentes|cgu|cgv|conditions))|"
         r"(?:acceptez|accepte|acceptent|accepter) (?:les |ces )?(?:présentes|conditions|cgu|cgv)(?: \S+){0,4} "
         r"(?:en|lors|dès|par)|"
         # the refusal and what it means ("si vous n'acceptez pas les CGU, vous ne devez pas utiliser le site")
         r"si vous n (?:acceptez|êtes) pas(?: \S+){0,10} (?:ne (?:devez|pouvez|pourrez) pas|abstenir|cesser)) "),
        # "âgé d'au moins 16 ans", "âgées de 18 ans ou plus", "avoir au moins 16 ans", "13 ans révolus"
        ("eligibility", "âge", r" (?:" + _NOT_OF_PERSON + r"(?:mineurs?|majeure?s?)|âgée?s? (?:de|d)(?: au moins| plus de)? " + _FR_AGE + "|"
         r"avoir(?: au moins)? " + _FR_AGE + r" ans|" + _FR_AGE + r" ans révolus|"
         r"(?:moins|plus) de " + _FR_AGE + r" ans|" + _FR_AGE + r" ans (?:et|ou) plus|autorisation parentale|représentant légal|"
         r"(?:réservée?s?|ouverte?s?) (?:aux|à) (?:personnes|professionnels|entreprises|particuliers|résidents)|"
         r"titulaire de l autorité parentale|capacité juridique) "),
        ("service-changes", "service", r" (?:disponibilité|indisponib\w*|maintenance|bêta|"
         r"(?:interromp\w*|suspend\w*|modifi\w*|cess\w*|fermer|fermeture)(?: \S+){0,3} "
         r"(?:service|services|fonctionnalités?|plateforme|site)|"
         # the promise to keep offering something ("nous continuerons à proposer l'application"), and
         # its end ("l'avantage n'est plus proposé", "ne sera plus disponible")
         r"continu\w* (?:à|a) (?:proposer|fournir|assurer|maintenir|prendre en charge|mettre à disposition)|"
         r"ne? (?:est|sont|sera|seront) plus (?:proposée?s?|offerte?s?|disponibles?)|"
         r"(?:restreindre|limiter)(?: ou \S+)?(?: \S+){0,2} (?:l )?accès (?:à|aux) (?:\S+ ){0,2}fonctionnalités|"
         # a benefit kept only until a date ("l'avantage Presse est garanti jusqu'en août 2022")
         r"(?:est|sont|sera|seront|reste|restent) (?:uniquement |seulement )?(?:garanti|disponible|offert|inclus|"
         r"maintenu|assuré)\w* (?:uniquement |seulement )?jusqu (?:en|au|à|a|le|fin) (?:\S+ ){0,2}?(?:janvier|"
         r"février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|\d)) "),
        ("usage-rules", "interdictions", r" (?:interdite?s?|interdiction|s engage à ne pas|"
         r"(?:ne doit|ne devez|ne peut|ne pouvez) pas|illicites?|frauduleu\w*|usage abusif|"
         r"robots?|scraping|code de conduite|non respect|manquements?|"
         # a password as a duty ("gardez votre mot de passe confidentiel"), not as data collected
         r"(?:conserver|garder|gardez|protéger|protégez|préserver|confidentiali\w*|communiquer|divulguer|"
         r"partager|responsable de)(?: \S+){0,5} (?:mots? de passe|identifiants)|(?:mots? de passe|"
         r"identifiants)(?: \S+){0,6} (?:confidentiel\w*|secrets?|sécurité|communiqu\w*|divulgu\w*|partag\w*)) "),
        ("usage-rules", "conséquences", r" (?:" + CONSEQUENCE + r") "),
        # the user's own duty ("l'utilisateur est seul responsable des contenus qu'il publie"):
        # a rule of use, not a limit on the provider's liability
        ("usage-rules", "responsabilité de l utilisateur", r" (?:utilisat(?:eur|rice)s?|membres?|"
         r"clients?|abonnée?s?|vous)(?: \S+){0,4} (?:est|sont|êtes|reste|restent|restez|demeure|"
         r"demeurent|demeurez) (?:seule?s? |entièrement |pleinement |personnellement )?responsables? |"
         r" (?:de|sous) (?:votre|leur|sa) (?:seule |entière |pleine )?responsabilité | il vous appartient de "),
    ],
    "de": [
        # (German compounds: "Vermittlungsgebühr", "Kaufpreis", "Versandkosten")
        # ("preisgeben", "preisgegeben": to disclose, no price)
        ("pricing", "preis", r" (?:(?!\w*preis(?:zu|ge)?g[aie]b)\w*preis\w*|\w*entgelt\w*|\w*gebühr\w*|\w*kosten|kostenlos|"
         r"kostenpflichtig\w*|\w*provision\w*|tarif\w*|aufpreis|€|eur|euro|"
         # a share of a sale taken ("wir behalten 7 % jedes Verkaufs ein")
         r"\d+(?: \d+)? % (?:\S+ ){0,2}(?:des|der|vom|von|jedes|jeder|pro|auf) (?:\S+ )?(?:\w*umsatz\w*|"
         r"\w*verkauf\w*|transaktion\w*|bestell\w*|auftrag\w*|\w*betrag\w*)|einbehalt\w*|behalten (?:\S+ ){0,3}\d+ %) "),
        ("payment", "zahlung", r" (?:zahlung\w*|mahnung\w*|mahngebühr\w*|verzugszins\w*|säumniszuschl\w*|zahlen|bezahl\w*|rechnung\w*|abrechnung\w*|"
         r"kreditkarte\w*|lastschrift\w*|mehrwertsteuer|mwst|ust|umsatzsteuer|paypal|"
         r"zahlungsmittel\w*|zahlungsart\w*|\w*überweisung\w*|vorkasse|nachnahme|klarna|giropay|sepa|"
         r"visa|mastercard|apple pay|google pay) "),
        ("refunds", "erstattung", r" (?:erstatt\w*|rückerstatt\w*|rückzahlung\w*|gutschrift\w*|"
         r"stornier\w*|"
         r"\w*guthaben\w*|gutschein\w*|verfällt|verfallen|widerruf\w*|rücksendung\w*|rücksendekosten) "),
        ("subscription", "abonnement", r" (?:abonnement\w*|abo|abos|verlänger\w*|probezeit|"
         r"testphase|mitgliedschaft\w*|laufzeit\w*|kündigungsfrist\w*) "),
        ("arbitration", "schiedsverfahren", r" (?:schieds\w*|schlichtung\w*|streitbeilegung\w*) "),
        ("class-action", "sammelklage", r" (?:sammelklage\w*|verbandsklage\w*|"
         r"musterfeststellungsklage\w*) "),
        ("governing-law", "anwendbares recht", r" (?:deutsches recht|recht der bundesrepublik|"
         r"anwendbares recht|anwendbare recht|(?:unterliegt|unterliegen)(?: \S+){0,4} recht|"
         r"es gilt(?: \S+){0,3} recht|un kaufrecht) "),
        ("jurisdiction", "gerichtsstand", r" (?:gerichtsstand|gerichte?n?|zuständig\w*) "),
        # (a company's legal form, "UG (haftungsbeschränkt)", names no liability)
        ("liability", "haftung", r" (?:haftung\w*(?<!haftungsbeschränkt)|haften|haftet|gewährleistung\w*|garantie\w*|"
         r"schadensersatz\w*|schäden|vorsatz|fahrlässig\w*|höhere gewalt) "),
        ("indemnity", "freistellung", r" (?:freistell\w*|freizustellen|schadlos|stellen(?: \S+){0,6} frei) "),
        ("termination", "kündigung", r" (?:kündig\w*|sperr\w*|beend\w*|deaktivier\w*|fristlos\w*|"
         r"außerordentlich\w*|(?:löschen|löschung)(?: \S+){0,2} (?:konto|kontos|zugang|accounts?)) "),
        ("terms-changes", "änderung der bedingungen", r" (?:änder\w*(?: \S+){0,4} (?:bedingungen|"
         r"agb|nutzungsbedingungen|vertrag\w*|richtlinie\w*)|neue fassung|"
         # the terms named before the verb ("Wir können diese Bedingungen jederzeit ändern")
         r"(?:bedingungen|agb|nutzungsbedingungen|geschäftsbedingungen)(?: \S+){0,4} (?:ändern|anpassen|"
         r"geändert|angepasst|aktualisieren|aktualisiert)|"
         # how changes are announced ("Änderungen werden Ihnen zwei Wochen vorher mitgeteilt")
         r"änderungen(?: \S+){0,6} (?:mitgeteilt|angekündigt|bekannt gegeben)) "),
        ("content-removal", "inhalte entfernen", r" (?:(?:entfern\w*|lösch\w*|sperr\w*|moderier\w*)"
         r"(?: \S+){0,6} (?:inhalte?n?|beiträge?n?|kommentare?n?|bewertung\w*)|"
         r"(?:inhalte?n?|beiträge?n?)(?: \S+){0,6} (?:entfernen|löschen|sperren)) "),
        ("content-rights", "nutzungsrechte", r" (?:lizenz\w*|nutzungsrecht\w*|urheberrecht\w*|"
         r"marken?|geistige\w* eigentum\w*|rechteeinräumung|"
         # rights granted or kept ("Sie räumen uns das Recht ein, Ihre Inhalte zu speichern",
         # "Sie behalten alle Rechte an Ihren Texten")
         r"räum\w*(?: \S+){0,4} recht\w*(?: \S+){0,10} ein|rechte? an (?:ihren|deinen|den|allen) \S+) "),
        ("privacy", "datenschutz", r" (?:personenbezogene\w* daten|datenschutz\w*|cookies?|dsgvo|"
         r"(?:verarbeit\w*|speicher\w*|erheb\w*|weitergeb\w*|übermittel\w*)(?: \S+){0,4} \w*daten|"
         # data passed on, with the separable verb ("wir geben Ihre Daten an Werbepartner weiter")
         # or the recipient named ("Suchbegriffe können an unsere Partner übermittelt werden")
         r"(?:geben|gibt|gegeben)(?: \S+){0,2} \w*daten(?: \S+){0,5} weiter|an (?:\S+ ){0,2}(?:dritte|"
         r"\w*partner\w*|drittanbieter\w*)(?: \S+){0,3} (?:übermittel\w*|weiter\w*|verkauf\w*|geteilt|gesendet)|"
         r"werbepartner\w*|suchbegriff\w*|suchanfrage\w*|"
         # proof of identity and biometrics ("Selfie zur Identitätsverifizierung", "Gesichtsdaten")
         r"biometrisch\w*|gesichts(?:daten|erkennung|geometrie|merkmale)|identitäts(?:prüfung|nachweis|"
         r"verifizierung|bestätigung)|(?:personal)?ausweis(?:es|dokument\w*|kopie\w*|nummer\w*)?|reisepass\w*|"
         r"daten(?: \S+){0,4} (?:verarbeit\w*|gespeichert|erhoben|weitergegeben|übermittelt|gelöscht|"
         r"aufbewahrt|anonymisiert)|"
         # retention said with its period ("Protokolldaten werden 6 Monate gespeichert", "für 2
         # Jahre aufbewahrt"): the data word is often a compound the rule above does not see
         r"\d+ (?:tage|tagen|wochen|monate|monaten|jahre|jahren)(?: \S+){0,2} (?:gespeichert|aufbewahrt|"
         r"archiviert)|speicherdauer|aufbewahrungs(?:frist|dauer)\w*|"
         r"(?:erfass\w*|sammel\w*)(?: \S+){0,4} (?:\w*daten|standort\w*|geolokali\w*)|"
         r"(?:standort|geolokalisierungs|nutzungs|bestands|verkehrs|profil|gesundheits)daten|"
         r"geolokali\w*|standortbestimmung|aufsichtsbehörde\w*|ip adressen?|rechtsgrundlage|"
         r"berechtigte\w* interesse\w*|recht auf (?:löschung|auskunft|berichtigung|widerspruch|"
         r"datenübertragbarkeit|einschränkung)|(?:unter)?auftragsverarbeit\w*|"
         r"profiling|anonymisier\w*|pseudonymisier\w*|"
         # kinds of personal details collected or kept, named one by one ("wir erheben Ihren Namen,
         # Ihre Postanschrift und Ihre Telefonnummer"; "Ihre Anschrift wird gespeichert")
         r"(?:erheb|erhob|erfass|sammel|speicher|verarbeit|übermittel|weitergeb)\w*(?: \S+){0,8} "
         r"(?:ihre?n?|deine?n?|die|den|der)? ?" + _DE_DETAILS + r"|"
         + _DE_DETAILS + r"(?: \S+){0,6} (?:erhoben|erfasst|gesammelt|gespeichert|verarbeitet|übermittelt|"
         r"weitergegeben)) "),
        ("ai-training", "künstliche intelligenz", r" (?:künstliche\w* intelligenz|ki|"
         r"maschinelle\w* lernen|trainier\w*(?: \S+){0,4} (?:modell\w*|ki)|ki modell\w*) "),
        ("acceptance", "annahme durch nutzung", r" (?:(?:mit|durch) (?:der|die) nutzung|"
         r"erklären sie sich(?: \S+){0,4} einverstanden|akzeptieren sie(?: \S+){0,3} "
         r"(?:bedingungen|agb)|stimm\w*(?: \S+){0,3} (?:bedingungen|agb|nutzungsbedingungen)(?: \S+){0,4} zu|"
         # the refusal and what it means ("wenn Sie nicht einverstanden sind, dürfen Sie den Dienst nicht nutzen")
         r"(?:wenn|falls|sofern) sie(?: \S+){0,6} nicht (?:einverstanden|zustimmen|akzeptieren)(?: \S+){0,10} "
         r"nicht (?:nutzen|verwenden|benutzen)) "),
        ("eligibility", "alter", r" (?:minderjährig\w*|volljährig\w*|mindestalter|"
         + _DE_AGE + r" (?:jahre|jahren) alt|lebensjahr\w*|erziehungsberechtigt\w*|"
         r"einwilligung der eltern|ab " + _DE_AGE + r" jahren|mindestens " + _DE_AGE + r" jahre|" + _DE_AGE
         + r" jahre (?:oder|und) älter|"
         # where or for whom the terms apply ("gelten für Nutzer in Deutschland und Österreich")
         r"(?:gelten|gilt) (?:nur )?für (?:\S+ )?(?:nutzer\w*|kunden|verbraucher\w*|unternehmer\w*) (?:in|aus)) "),
        ("service-changes", "dienst", r" (?:verfügbarkeit|wartung\w*|beta|"
         r"(?:einstell\w*|änder\w*|einschränk\w*)(?: \S+){0,3} (?:dienst\w*|leistung\w*|"
         r"funktion\w*|service)|weiterhin (?:\S+ ){0,3}(?:anbieten|bereitstellen|unterstützen|verfügbar)|"
         # a benefit kept only until a date ("der Presse-Vorteil ist bis August 2022 garantiert")
         r"(?:ist|sind|bleibt|bleiben|wird|werden) (?:nur |noch )?bis (?:zum |ende |einschließlich )?(?:\d+ )?"
         r"(?:januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|\d)"
         r"(?: \S+){0,2} (?:garantiert|verfügbar|enthalten|angeboten)) "),
        ("usage-rules", "verbote", r" (?:untersagt|verboten|nicht gestattet|dürfen nicht|"
         r"darf nicht|missbrauch\w*|rechtswidrig\w*|bots?|verstöße|verstoß|"
         # a password as a duty ("halten Sie Ihr Passwort geheim"), not as data collected
         r"(?:passwort\w*|kennwort\w*|zugangsdaten)(?: \S+){0,6} (?:geheim\w*|vertraulich\w*|sicher\w*|"
         r"weiterge\w*|weiterzugeben|schützen|offenleg\w*)|(?:geheim\w*|vertraulich\w*|schützen|schutz)(?: \S+){0,4} "
         r"(?:passwort\w*|kennwort\w*|zugangsdaten)) "),
        ("usage-rules", "folgen", r" (?:" + CONSEQUENCE + r") "),
    ],
}

WATCH: dict[str, list[tuple[str, str, str, bool]]] = {
    "fr": [
        ("pricing", "prix modifiables", r" (?:peut|pourra|se réserve le droit de)" + _W4 +
         r" (?:modifier|augmenter|changer)" + _W4 + r" (?:prix|tarifs?|frais) ", False),
        ("refunds", "non remboursable", r" (?:non remboursables?|aucun remboursement|ne (?:sera|"
         r"seront|peut|pourra) (?:pas|en aucun cas) (?:être )?rembours\w*) ", False),
        ("subscription", "reconduction tacite", r" (?:tacite reconduction|tacitement reconduite?|"
         r"renouvelée? automatiquement|reconduite? automatiquement) ", False),
        ("arbitration", "arbitrage obligatoire", r" (?:arbitrage (?:obligatoire|contraignant|"
         r"définitif)|soumise?s? à (?:l )?arbitrage) ", False),
        ("class-action", "renonciation", r" renonc\w*" + _W8 + r" (?:actions? de groupe|actions? "
         r"collectives?|recours collectifs?) ", False),
        ("governing-law", "régi par le droit", r" (?:régies?|régis|soumise?s?|interprétée?s?)"
         + _W4 + r" (?:droit|loi) ", False),
        ("jurisdiction", "tribunaux compétents", r" (?:tribunaux|tribunal|juridictions?)" + _W8 +
         r" (?:seuls? compétente?s?|exclusivement compétente?s?|compétence exclusive)|"
         r" (?:compétence exclusive|attribution exclusive de compétence) ", False),
        ("liability", "exclusion de responsabilité", r" (?:(?:ne saurait|ne pourra|ne peut) (?:en "
         r"aucun cas )?être tenue? (?:pour )?responsable|décline toute responsabilité|aucune "
         r"responsabilité|en aucun cas(?: \S+){0,6} responsable) ", False),
        ("indemnity", "vous garantissez", r" (?:vous (?:nous )?garantissez|garantir" + _W4 +
         r" contre|indemniser" + _W4 + r" (?:nous|société)) ", False),
        # (the provider's power: not "vous pouvez résilier à tout moment", what the user may do)
        ("termination", "suspension du compte", r" " + _NOT_USER + r"(?:peut|pourra|pourront|se réserve "
         r"le droit de|est en droit de)" + _W8 + r" (?:suspendre|résilier|supprimer|clôturer|bloquer|"
         r"désactiver)" + _W4 + r" (?:compte|accès|abonnement|contrat) |"
         r" " + _NOT_USER + r"(?:suspen\w*|résili\w*|supprim\w*)" + _W8 + r" (?:sans préavis|à tout "
         r"moment|sans motif) ", False),
        ("terms-changes", "modification unilatérale", r" (?:peut|pourra|se réserve le droit de)"
         + _W4 + r" (?:modifier|mettre à jour|faire évoluer)" + _W4 + r" (?:conditions|cgu|cgv|"
         r"présentes) ", False),
        # ("nous pouvons supprimer vos avis": the provider speaking of itself)
        ("content-removal", "retrait de contenus", r" (?:peut|pourra|pouvons|pourrons|se réserve le droit de|"
         r"nous réservons le droit de)" +
         _W8 + r" (?:supprimer|retirer|modérer|bloquer|refuser)" + _W8 + r" (?:contenus?|"
         r"publications?|avis|commentaires?|annonces?) ", False),
        ("content-rights", "licence étendue", r" licences?" + _W8 + r" (?:mondiale|gratuite|"
         r"irrévocable|perpétuelle|cessible|sous licenciable|exclusive) |(?:mondiale|gratuite|"
         r"irrévocable|perpétuelle)" + _W4 + r" licences? ", False),
        ("privacy", "partage avec des tiers", r" (?:vend\w*|partag\w*|transmet\w*|communiqu\w*|"
         r"cèd\w*|lou(?:er|ons|ez|ent)|divulgu\w*)" + _W8 + r" (?:données|coordonnées|renseignements|"
         r"informations personnelles)" + _W8 + r" (?:tiers|partenaires|annonceurs) ", True),
        ("privacy", "partage avec des tiers (pronom)", r" " + _CLITIC + r"(?:vend|partag|transmet|"
         r"communiqu|céd|cèd|lou)\w*(?: \S+){0,16} (?:tiers|annonceurs|partenaires (?:publicitaires|"
         r"commerciaux|marketing)|courtiers) ", True),
        ("ai-training", "entraînement sur vos données", r" (?:utilis\w*)" + _W8 +
         r" (?:données|contenus?|conversations?|requêtes?)" + _W8 + r" (?:entraîn\w*|"
         r"améliorer|développer)" + _W4 + r" (?:modèles?|ia|intelligence|algorithmes?) ", True),
        ("acceptance", "acceptation par l usage", r" en (?:utilisant|accédant|naviguant)" + _W8 +
         r" (?:acceptez|accepte|acceptation|reconnaissez) |"
         # the use itself is the acceptance ("toute utilisation du site vaut acceptation des CGU")
         r" (?:utilisation|navigation|accès|inscription)(?: \S+){0,4} (?:vaut|emporte|implique) "
         r"(?:\S+ )?acceptation ", False),
        ("usage-rules", "sanctions", r" (?:pénalités?|amendes?|surveill\w*" + _W4 +
         r" (?:messages|contenus|communications)) ", False),
    ],
    "de": [
        ("pricing", "preisänderung", r" (?:behalten uns vor|kann|können|dürfen|ist berechtigt)" +
         _W8 + r" (?:preis\w*|entgelt\w*|gebühr\w*)" + _W4 + r" (?:ändern|erhöhen|anpassen) ", False),
        ("refunds", "keine erstattung", r" (?:nicht erstattungsfähig|keine (?:rück)?erstattung|"
         r"wird nicht erstattet|werden nicht erstattet|verfällt|verfallen) ", False),
        ("subscription", "automatische verlängerung", r" (?:verlängert sich(?: \S+){0,6} "
         r"(?:automatisch|jeweils|stillschweigend)|automatisch(?: \S+){0,3} verlängert|"
         r"automatische verlängerung) ", False),
        ("arbitration", "schiedsverfahren", r" (?:verbindlich\w* schieds\w*|schiedsgericht\w*"
         + _W8 + r" (?:entscheid\w*|endgültig)|ausschließlich(?: \S+){0,4} schieds\w*) ", False),
        ("class-action", "verzicht", r" verzicht\w*" + _W8 + r" (?:sammelklage\w*|verbandsklage\w*) ",
         False),
        ("governing-law", "es gilt recht", r" (?:es gilt|unterliegt|unterliegen|gilt ausschließlich)"
         + _W4 + r" recht ", False),
        ("jurisdiction", "gerichtsstand", r" (?:ausschließliche\w* gerichtsstand|gerichtsstand ist|"
         r"ausschließlich zuständig|gerichte? (?:in|zu) \S+ (?:sind|ist) zuständig) ", False),
        ("liability", "haftungsausschluss", r" (?:haften nicht|haftet nicht|keine haftung|"
         r"haftung(?: \S+){0,6} (?:ausgeschlossen|beschränkt)|übernehmen keine "
         r"(?:haftung|gewähr)|ohne gewähr) ", False),
        ("indemnity", "freistellung", r" (?:stellen(?: \S+){0,4} frei|freizustellen|"
         r"freistellen) ", False),
        # (the provider's power: not "können Sie ... beenden", what the user may do)
        ("termination", "sperrung", r"(?<!sie)(?<!du) (?:können|kann|sind berechtigt|ist berechtigt|behalten uns "
         r"vor)(?! (?:sie|du) )" + _W8 + r" (?:sperren|kündigen|löschen|beenden|deaktivieren)|"
         r" (?:fristlos\w*|ohne vorankündigung|ohne vorherige ankündigung|jederzeit)" + _W8 +
         r" (?:sperren|kündigen|löschen|beenden) ", False),
        ("terms-changes", "änderungsvorbehalt", r" (?:behalten uns(?: \S+){0,2} vor|können|kann|"
         r"sind berechtigt)" + _W8 + r" (?:bedingungen|agb|nutzungsbedingungen)" + _W4 +
         r" (?:zu )?(?:ändern|anzupassen|anpassen|ergänzen) ", False),
        ("content-removal", "inhalte entfernen", r" (?:können|kann|behalten uns vor|sind "
         r"berechtigt)" + _W8 + r" (?:inhalte?n?|beiträge?n?|kommentare?n?)" + _W4 +
         r" (?:zu )?(?:entfernen|löschen|sperren) ", False),
        ("content-rights", "weitreichende lizenz", r" (?:weltweite\w*|unentgeltliche\w*|"
         r"unwiderrufliche\w*|zeitlich unbeschränkte\w*|übertragbare\w*)" + _W4 +
         r" (?:lizenz\w*|nutzungsrecht\w*) ", False),
        ("privacy", "weitergabe an dritte", r" daten" + _W8 + r" (?:an dritte|an partner|an "
         r"werbepartner)" + _W4 + r" (?:weiter\w*|übermittel\w*|verkauf\w*) ", True),
        ("ai-training", "training mit ihren daten", r" (?:daten|inhalte|eingaben|prompts)" + _W8 +
         r" (?:training|trainieren|verbesserung)" + _W4 + r" (?:ki|modell\w*|künstlich\w*) ", True),
        ("acceptance", "annahme durch nutzung", r" (?:mit|durch) (?:der|die) nutzung" + _W8 +
         r" (?:akzeptieren|einverstanden|erkennen) ", False),
        ("usage-rules", "vertragsstrafe", r" (?:vertragsstrafe\w*|überwach\w*" + _W4 +
         r" (?:nachrichten|inhalte|kommunikation)) ", False),
    ],
}

# One regex search tells most English sentences apart at once; counting follows only on a hit.
_FOREIGN_WORDS = ("le|la|les|des|du|de|à|au|aux|est|sont|vous|nous|une|et|ce|cette|dans|"
                  "sur|pour|par|der|die|das|und|ist|sind|wir|sie|nicht|oder|mit|es|gilt|auf|"
                  "für|von|zu|im|bei|sich|wird|werden|ein|eine|dem|den|ihr|ihre|ihrem|ihren|ihnen|"
                  "können|kann|kannst|dein|deine|deinem|zum|zur|nur|tu|ton|ta|votre|peut|pouvez|nach|über|auch|"
                  "kein|keine|uns|unsere|vos|nos|notre|leur|leurs|sans|chaque").split("|")
# (the forms of address and the modals too: "Sie können Ihr Abonnement in Ihrem Konto kündigen" has
# as many English-looking words as German ones otherwise)
_FOREIGN_LETTERS = "äöüßéèêàçùœ"
_FOREIGN = re.compile(r" (?:" + "|".join(_FOREIGN_WORDS) + r"|\S*[" + _FOREIGN_LETTERS + r"]\S*) ")
_FOREIGN_SET = frozenset(_FOREIGN_WORDS)  # (``_foreign``)
_FOREIGN_LETTER = re.compile("[" + _FOREIGN_LETTERS + "]")
_OTHER_SPACE = re.compile(r"[^\S ]")  # white space but a plain space
_FOREIGN_BY_WORDS = 2000  # characters from which ``_foreign`` reads the words rather than searching


def _foreign(norm: str) -> bool:
    """``_FOREIGN.search(norm) is not None``: whether a normalized text has a French or German
    function word, or a word with a letter of theirs. A long one made of words between single
    spaces (as ``classify.normalize`` writes them: a topic profile's 24,000-character sample) is
    answered from its set of words and one scan for the letters (0.7 against 1.1 ms for a nonce
    page's sample: the search tries every alternative at every space); the same answer (a match
    is a whole word between two spaces there: one of the words, or a word holding one of them)."""
    if (len(norm) < _FOREIGN_BY_WORDS or norm[:1] != " " or norm[-1:] != " "
            or "  " in norm or _OTHER_SPACE.search(norm)):
        return _FOREIGN.search(norm) is not None
    return _FOREIGN_LETTER.search(norm) is not None or not _FOREIGN_SET.isdisjoint(norm.split(" "))


_FR = frozenset("le la les des du de à est sont vous nous votre vos une aux ces cette qui que pour "
                "dans sur par avec et au en ce tu ton ta tes peut peuvent pouvez nos notre leur leurs sans "
                "chaque".split())
_DE = frozenset("der die das und ist sind wir sie ihre nicht mit für von den dem des eine einer "
                "werden wird bei zu auf oder es gilt im sich ein ihr ihrem ihren ihres ihnen können "
                "kann kannst du dein deine deinem deinen zum zur nur nach über auch kein keine uns unsere".split())
_EN = frozenset("the and is are we you your our of to in for with by this that may will or "
                "be any".split())


_DE_LETTERS = re.compile(r"[äöüß]")
_FR_LETTERS = re.compile(r"[éèêàçùœâîôû]")


def language(norm: str) -> str:
    """"en", "fr", "de" or "es" for a normalized sentence (English when unsure)."""
    if _is_spanish(norm):
        return "es"
    if not _foreign(norm):
        return "en"
    en = fr = de = 0
    for t in norm.split():
        if t in _EN:
            en += 1
        if t in _FR:
            fr += 1
        if t in _DE:
            de += 1
        # a word with letters only one of the languages writes ("verfällt", "prélevons"): short
        # sentences often have no function word ("Guthaben verfällt nach 24 Monaten.")
        if t.isalpha() and not t.isascii():
            if _DE_LETTERS.search(t):
                de += 1
            elif _FR_LETTERS.search(t):
                fr += 1
    if fr > en and fr >= de:
        return "fr"
    if de > en and de > fr:
        return "de"
    return "en"


# Spanish function words (as ``facts_eu.is_spanish`` counts them): a Spanish sentence shares
# "de", "la", "que", "en" with French, so it is told apart first, by its own words and by having
# no word or letter only French or German writes.
_ES_HINT = re.compile(r" (?:el|los|las|del|al|y|con|por|para|tu|tus|su|sus|nuestr[oa]s?|podemos|puedes|"
                      r"usted|se|es|son|cualquier|est[oa]s?|\S*[ñáíóú]\S*) ")
_ES = frozenset("el los las del al con por para que una unos unas se su sus tu tus te nuestro nuestra nuestros "
                "nuestras usted ustedes es son será serán podrá podrán puede pueden podemos puedes debe deberá "
                "debes y o lo como durante hasta desde cualquier este esta estos estas".split())
_NOT_ES = re.compile(r"[äöüßàâçèêëîïôûœ]| (?:der|die|das|und|ist|sind|le|les|des|est|sont|vous|nous|une|the|"
                     r"and|you|your|we|our) ")


def _is_spanish(norm: str) -> bool:
    """Whether a normalized sentence is Spanish: two Spanish function words or more, more than
    English ones, no French or German word or letter."""
    if not _ES_HINT.search(norm) or _NOT_ES.search(norm):
        return False
    ws = norm.split()
    es = sum(w in _ES for w in ws)
    return es >= 2 and es > sum(w in _EN for w in ws)


# An opt-out offered to the user ("you can opt out", "you may turn off", "vous pouvez vous opposer",
# "Sie können widersprechen"), not a mention of opting out in passing
TRAINING_OPT_OUT = re.compile(
    r"\b(?:you|users?|customers?|members?)\s+(?:can|may|are\s+able\s+to|have\s+the\s+(?:right|option)\s+to)\s+(?:\w+\s+){0,2}?"
    r"(?:opt[- ]?out|turn\s+off|disable|switch\s+off|object)\b|\bunless\s+you\s+(?:opt[- ]?out|turn\s+(?:it\s+)?off|object)\b|"
    r"\bvous\s+pouvez\s+(?:vous\s+(?:y\s+)?opposer|désactiver)\b|\bsauf\s+(?:si\s+vous\s+vous\s+y\s+opposez|opposition)\b|"
    r"\b(?:Sie|du)\s+(?:können|kannst)\s+(?:\w+\s+){0,4}?(?:widersprechen|deaktivieren|abschalten)\b|"
    r"\bpuede[sn]?\s+(?:oponerse|desactivar)\b", re.I)


# A promise in the passive: what will never be done with the user's things, whoever would do it
# ("Your data is never sold to third parties", "Vos données ne sont jamais vendues à des tiers",
# "Ihre Daten werden niemals an Dritte verkauft").
_THINGS = (r"(?:data|information|content|details|files|photos|messages|conversations|prompts|inputs|"
           r"e-?mail\s+address(?:es)?|phone\s+numbers?)")
PASSIVE_PROMISE_EN = re.compile(
    rf"^(?:(?:your|users['’]?|customers['’]?|members['’]?|the\s+user['’]s|such|any|personal)\s+)(?:[\w-]+\s+){{0,2}}?{_THINGS}"
    r"\s+(?:is|are|will|shall|would)\s+(?:not|never)\s+(?:\w+ly\s+)?(?:be\s+|ever\s+be\s+)?"
    r"(?:sold|rented|traded|leased|shared|disclosed|transferred|given|passed|provided|used|licensed|published|"
    r"monitored|read|scanned|sent|made\s+available)\b", re.I)
PASSIVE_PROMISE = re.compile(
    PASSIVE_PROMISE_EN.pattern + "|"
    r"^(?:vos|tes|leurs|les)\s+(?:[\w-]+\s+){0,2}?(?:données|informations|contenus?|fichiers|messages|photos|"
    r"conversations|coordonnées|adresses?)\s+(?:personnel(?:le)?s?\s+)?ne\s+(?:sont|seront|sera|est|sauraient)\s+"
    r"(?:jamais|pas|en\s+aucun\s+cas)\s+(?:\w+\s+)?(?:vendu|loué|partagé|cédé|transmis|communiqué|divulgué|"
    r"utilisé|commercialisé|transféré|échangé)\w*|"
    r"^(?:ihre|deine|die)\s+(?:[\w-]+\s+){0,2}?(?:daten|informationen|inhalte|dateien|nachrichten|fotos|"
    r"e-mail-adressen?)\s+(?:werden|wird)\s+(?:[^.;]{0,40}?\s)?(?:nicht|niemals|nie|keinesfalls)\b[^.;]{0,60}?"
    r"\b(?:verkauft|vermietet|geteilt|weitergegeben|übermittelt|genutzt|verwendet|offengelegt|veröffentlicht)\b",
    re.I)


# --- Spanish -------------------------------------------------------------------------------------
# Spanish topic and watch rules in the form of the French and German ones above (términos y
# condiciones, política de privacidad): read when ``language`` says "es". Normalized text, as above.
_ES_AGE = (r"(?:\d{1,2}|trece|catorce|quince|dieciséis|dieciseis|diecisiete|dieciocho|diecinueve|veinte|"
           r"veintiuno|veintiún)")
_ES_THINGS = (r"(?:datos|información|contenidos?|fotos|fotografías|imágenes|vídeos|videos|archivos|mensajes|"
              r"conversaciones|publicaciones|metadatos)")
TOPIC["es"] = [
    ("pricing", "precio", r" (?:precios?|tarifas?|cuotas?|comisi[oó]n|comisiones|costes?|costos?|gratuit[oa]s?|"
     r"gratis|€|eur|euros?|iva incluido|recargos?) "),
    ("payment", "pago", r" (?:pagos?|pagar|pagad[oa]s?|factura\w*|tarjeta de crédito|tarjetas? bancarias?|"
     r"domiciliaci[oó]n|transferencias? bancarias?|medios? de pago|métodos? de pago|cobr\w*|impuestos?|iva|paypal) "),
    ("refunds", "reembolso", r" (?:reembols\w*|devoluci[oó]n|devoluciones|devolver\w*|desistimiento|"
     r"no reembolsables?|crédito no utilizado) "),
    ("subscription", "suscripción", r" (?:suscripci[oó]n|suscripciones|suscrit[oa]s?|renovaci[oó]n|renueva\w*|"
     r"renovar\w*|periodo de prueba|período de prueba|prueba gratuita|permanencia) "),
    ("arbitration", "arbitraje", r" (?:arbitraje|arbitral\w*|árbitros?|mediaci[oó]n|resoluci[oó]n extrajudicial) "),
    ("class-action", "demanda colectiva", r" (?:demandas? colectivas?|acciones? colectivas?|"
     r"acciones? de clase|procedimientos? colectivos?|recursos? colectivos?) "),
    ("governing-law", "ley aplicable", r" (?:ley aplicable|legislaci[oó]n aplicable|derecho aplicable|"
     r"(?:se rige|se regirá|se rigen|se regirán|regid[oa]s?|sometid[oa]s?|interpretad[oa]s?)(?: \S+){0,3} "
     r"(?:ley|leyes|legislaci[oó]n|derecho)|legislaci[oó]n española|ley española|derecho español) "),
    ("jurisdiction", "tribunales", r" (?:tribunal|tribunales|juzgados?|jurisdicci[oó]n|fuero|"
     r"(?:serán|será|son|es) competentes?|competencia (?:exclusiva|territorial)) "),
    ("liability", "responsabilidad", r" (?:responsabilidad|responsables?|garantías?|daños|perjuicios|"
     r"en ningún caso|fuerza mayor) "),
    ("indemnity", "indemnizar", r" (?:indemniz\w*|mantener indemne|eximir(?: \S+){0,3} de responsabilidad) "),
    ("termination", "terminación", r" (?:suspen\w*|cancel\w*(?: \S+){0,3} (?:cuenta|acceso)|"
     r"(?:cerrar|bloquear|eliminar|desactivar|dar de baja)(?: \S+){0,3} (?:cuenta|acceso)|rescindir|rescisi[oó]n|"
     r"resolver el contrato|terminaci[oó]n) "),
    ("terms-changes", "modificación", r" (?:(?:modific\w*|actualiz\w*|cambi\w*)(?: \S+){0,4} (?:términos|"
     r"condiciones|política|contrato)|nueva versi[oó]n de (?:los|las|la) (?:términos|condiciones|política)) "),
    ("content-removal", "retirada de contenido", r" (?:(?:retir\w*|elimin\w*|borr\w*|bloque\w*|moder\w*|"
     r"ocult\w*)(?: \S+){0,6} (?:contenidos?|publicaciones|comentarios|reseñas|fotos|mensajes)|moderaci[oó]n) "),
    ("content-rights", "propiedad intelectual", r" (?:licencias?|propiedad intelectual|derechos de autor|"
     r"marcas?|ced\w*(?: \S+){0,3} derechos|derechos? de (?:uso|explotaci[oó]n)) "),
    ("privacy", "datos personales", r" (?:datos personales|datos de carácter personal|privacidad|cookies?|"
     r"rgpd|aepd|tratamiento de (?:los |tus |sus )?datos|protecci[oó]n de datos|metadatos|geolocalizaci[oó]n|"
     r"(?:recop\w*|recog\w*|conserv\w*|compart\w*|cede\w*|transfer\w*|vend\w*)(?: \S+){0,4} (?:datos|información) |"
     r"(?:compart\w*|cede\w*|vend\w*|transfer\w*)(?: \S+){0,6} (?:terceros|socios|anunciantes|partners)|"
     r"derecho (?:de acceso|de rectificaci[oó]n|de supresi[oó]n|de oposici[oó]n|a la portabilidad)) "),
    ("ai-training", "inteligencia artificial", r" (?:inteligencia artificial|ia|aprendizaje automático|"
     r"entren\w*(?: \S+){0,4} (?:modelos?|algoritmos?|ia)|modelos? de (?:ia|inteligencia artificial|lenguaje)) "),
    ("acceptance", "aceptación", r" (?:al (?:usar|utilizar|acceder|registrarte|registrarse|navegar)(?: \S+){0,6} "
     r"(?:aceptas|acepta|aceptación)|(?:aceptas|acepta|aceptar) (?:estos|los|las|estas) (?:términos|condiciones)) "),
    ("eligibility", "edad", r" (?:menores? de (?:edad|" + _ES_AGE + r")|mayores? de (?:edad|" + _ES_AGE + r")|"
     + _ES_AGE + r" años (?:o más|cumplidos)|consentimiento (?:de tus|de los|parental)|patria potestad) "),
    ("service-changes", "servicio", r" (?:disponibilidad|mantenimiento|(?:interrump\w*|suspend\w*|modific\w*|"
     r"discontinu\w*)(?: \S+){0,3} (?:servicio|servicios|funciones|funcionalidades|plataforma)) "),
    ("usage-rules", "prohibiciones", r" (?:prohibid[oa]s?|prohibici[oó]n|no (?:debes|puedes|podrás|deberás)|"
     r"ilícit[oa]s?|fraudulent[oa]s?|contraseñas?|normas de (?:uso|la comunidad)) "),
]
WATCH["es"] = [
    ("pricing", "precios modificables", r" (?:podemos|podremos|puede|podrá|nos reservamos el derecho de)" + _W4 +
     r" (?:modificar|aumentar|cambiar|subir)" + _W4 + r" (?:precios?|tarifas?|cuotas?) ", False),
    ("refunds", "sin reembolso", r" (?:no reembolsables?|ningún reembolso|sin (?:derecho a )?reembolso|"
     r"no (?:se )?(?:reembolsará|reembolsarán|realizaremos reembolsos|ofrecemos reembolsos)) ", False),
    ("subscription", "renovación automática", r" (?:se renueva\w* automáticamente|renovaci[oó]n automática|"
     r"automáticamente(?: \S+){0,3} renov\w*) ", False),
    ("arbitration", "arbitraje obligatorio", r" (?:arbitraje (?:obligatorio|vinculante)|sometid[oa]s? a arbitraje|"
     r"se resolverán? mediante arbitraje) ", False),
    ("class-action", "renuncia", r" renunci\w*" + _W8 + r" (?:demandas? colectivas?|acciones? colectivas?|"
     r"acciones? de clase|procedimientos? colectivos?) ", False),
    ("governing-law", "se rige por", r" (?:se rige|se regirá|se rigen|se regirán|regid[oa]s?|sometid[oa]s?)"
     + _W4 + r" (?:ley|leyes|legislaci[oó]n|derecho) ", False),
    ("jurisdiction", "tribunales competentes", r" (?:tribunales|juzgados|tribunal)" + _W8 +
     r" (?:serán|será|son|es) (?:los )?(?:únicos? )?competentes?|(?:competencia|jurisdicci[oó]n) exclusiva|"
     r" (?:sometes|someten|sometemos)(?: \S+){0,3} (?:a la jurisdicci[oó]n|a los tribunales) ", False),
    ("liability", "exclusión de responsabilidad", r" (?:no (?:seremos|será|somos|es) responsables?|"
     r"no asumimos (?:ninguna )?responsabilidad|en ningún caso(?: \S+){0,6} responsables?|"
     r"sin garantía) ", False),
    ("indemnity", "indemnizar", r" (?:aceptas|te comprometes a|deberás) (?:\S+ ){0,2}(?:indemnizar|mantener indemne) ",
     False),
    ("termination", "suspensión de la cuenta", r" (?:podemos|podremos|nos reservamos el derecho de|puede|podrá)"
     + _W8 + r" (?:suspender|cancelar|cerrar|eliminar|bloquear|desactivar)" + _W4 + r" (?:cuenta|acceso|"
     r"suscripci[oó]n|contrato) |(?:suspend\w*|cancel\w*|cerr\w*)" + _W8 + r" (?:sin previo aviso|en "
     r"cualquier momento|sin motivo) ", False),
    ("terms-changes", "modificación unilateral", r" (?:podemos|podremos|nos reservamos el derecho de|puede|podrá)"
     + _W4 + r" (?:modificar|actualizar|cambiar)" + _W4 + r" (?:términos|condiciones) ", False),
    ("content-removal", "retirada de contenidos", r" (?:podemos|podremos|nos reservamos el derecho de|puede|"
     r"podrá)" + _W8 + r" (?:eliminar|retirar|borrar|bloquear|moderar)" + _W8 + r" (?:contenidos?|"
     r"publicaciones|comentarios|reseñas|fotos) ", False),
    ("content-rights", "licencia amplia", r" licencia" + _W8 + r" (?:mundial|gratuita|irrevocable|perpetua|"
     r"transferible|sublicenciable|exclusiva) ", False),
    ("privacy", "compartir con terceros", r" (?:vend\w*|compart\w*|ced\w*|transfer\w*|comunic\w*)" + _W8 +
     r" (?:con|a) (?:\S+ ){0,3}(?:terceros|socios|anunciantes|partners) ", True),
    ("ai-training", "entrenamiento con tus datos", r" (?:us\w*|utiliz\w*|emple\w*)" + _W8 + r" " + _ES_THINGS +
     _W8 + r" (?:entrenar|entrenamiento|mejorar|desarrollar)" + _W4 + r" (?:modelos?|ia|inteligencia|"
     r"algoritmos?) ", True),
    ("acceptance", "aceptación por el uso", r" al (?:usar|utilizar|acceder|navegar)" + _W8 +
     r" (?:aceptas|acepta|aceptación) ", False),
]

# Every language whose topic rules exist (English in classify, the rest above): code that looks for
# a topic word in any language loops over these, so a new language is one entry, not four edits.
TOPIC_LANGUAGES: tuple[str, ...] = ("en", *TOPIC)
