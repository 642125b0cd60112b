/** Swedish texts of the public information pages: accessibility statement and processing of personal data. */
export const svAbout = {
  about: {
    heading: 'Om webbplatsen',
    accessibility: 'Tillgänglighetsredogörelse',
    privacy: 'Behandling av personuppgifter',
    newTab: '(öppnas i ny flik)',
  },
  a11y: {
    title: 'Tillgänglighetsredogörelse',
    intro:
      'Stockholms stad står bakom Trygg. Vi vill att så många som möjligt ska kunna använda webbplatsen. Här beskriver vi hur Trygg uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända tillgänglighetsproblem som finns och hur du kan rapportera brister till oss så att vi kan åtgärda dem.',
    responsible: 'Stockholms stad är ansvarig för webbplatsen.',
    howAccessible: 'Hur tillgänglig är webbplatsen?',
    howAccessibleText:
      'Vi vet att delar av webbplatsen inte är helt tillgängliga. Se avsnittet om innehåll som inte är tillgängligt nedan.',
    whatCanYouDo: 'Vad kan du göra om du inte kan använda delar av webbplatsen?',
    whatCanYouDoText:
      'Om du behöver innehåll från Trygg i ett annat format, eller inte kan använda någon del av webbplatsen, kan du kontakta oss. Vi svarar normalt inom fem arbetsdagar.',
    email: 'E-post:',
    contactEmail: 'tillganglighet@stockholm.example',
    report: 'Rapportera brister i webbplatsens tillgänglighet',
    reportText:
      'Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.',
    supervision: 'Tillsyn',
    supervisionText:
      'Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn för lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.',
    supervisionLink: 'Anmäl till Digg via deras webbformulär (digg.se, extern webbplats)',
    technical: 'Teknisk information om webbplatsens tillgänglighet',
    status:
      'Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.',
    gaps: 'Innehåll som inte är tillgängligt',
    gapsIntro: 'Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt.',
    gapsLegal: 'Bristande förenlighet med lagkraven',
    gap: {
      map: 'Kartorna är ett visuellt komplement. Skärmläsare kan inte läsa ut enskilda ytor, sexhörningar eller punkter på kartan. Samma uppgifter finns i tabeller och listor på samma sida: stadsdelsområden med antal händelser, teckenförklaringen och de senaste händelserna. (WCAG 1.1.1)',
      mapClick:
        'I rapportformuläret kan en exakt punkt bara väljas genom att klicka på kartan, vilket kräver mus eller pekskärm. Med tangentbord väljer du i stället en plats i listan eller använder din position. (WCAG 2.1.1)',
      dateInput:
        'Fältet för datum och tid använder webbläsarens inbyggda väljare. Hur datumet visas och ska skrivas (till exempel 2026-11-25 eller 25/11/2026) beror på webbläsaren och dess språkinställning, och skärmläsare läser upp fältet på olika sätt. (WCAG 3.3.2)',
      colours:
        'De ljusaste färgerna på kartans sexhörningar har låg kontrast mot kartans bakgrund. Antalet för varje färg står i teckenförklaringen och antal per stadsdelsområde i tabellen. (WCAG 1.4.11)',
    },
    testing: 'Hur vi testat webbplatsen',
    testingText: 'Vi har gjort en egen granskning av Trygg.',
    testingAxe:
      'Automatiska tester med axe-core mot WCAG 2.1 nivå A och AA körs på varje sida – utloggad och inloggad, med och utan felmeddelanden – vid varje ändring av webbplatsen.',
    testingKeyboard:
      'Tangentbordstester: att rapportera en händelse, att logga in och att ändra status på en händelse provas enbart med tangentbordet, och synligt fokus kontrolleras på varje steg.',
    reviewed: 'Senaste bedömningen gjordes den {{date}}.',
    updated: 'Redogörelsen uppdaterades senast den {{date}}.',
  },
  gdpr: {
    title: 'Behandling av personuppgifter',
    intro:
      'Här beskriver vi vilka personuppgifter Trygg behandlar, varför, med vilket stöd i lagen, vem som får ta del av dem och hur länge de sparas. Det är stadens registerförteckning enligt artikel 30 i dataskyddsförordningen (GDPR).',
    controller: 'Personuppgiftsansvarig',
    contact: 'Kontakt',
    activities: 'Behandlingar',
    purpose: 'Ändamål',
    legalBasis: 'Rättslig grund',
    data: 'Personuppgifter',
    recipients: 'Mottagare',
    retention: 'Lagringstid',
    retentionRules: 'Gallring',
    retentionIntro: 'Uppgifterna tas bort automatiskt när tiden har gått ut.',
    retentionCaption: 'Gallringsregler',
    colWhat: 'Uppgifter',
    colMonths: 'Sparas i',
    months_one: '{{count}} månad',
    months_other: '{{count}} månader',
    rights: 'Dina rättigheter',
    rightsText:
      'Du har rätt att få veta vilka uppgifter vi har om dig (registerutdrag), att få felaktiga uppgifter rättade och att i vissa fall få uppgifter raderade. Kontakta oss på adressen ovan.',
  },
};
