// The demo's easy-read survey: the wellbeing survey's key questions, one to a page, in short
// sentences with a picture beside each question and choice, in all five UI languages. Its question
// names and choice values are the standard survey's, so answers pool into one dataset.
// Translations by the Heard team: a native speaker should review them before real use.
const t = (en: string, cy: string, pl: string, ar: string, ur: string) => ({ default: en, cy, pl, ar, ur });

export const DEMO_EASY_READ_SURVEY: Record<string, unknown> = {
  showQuestionNumbers: "off",
  heardPictures: {
    feelSafe: "safe",
    trustedAdult: "adult",
    familyTime: "family",
    "familyTime=about-right": "yes",
    "familyTime=more": "more",
    "familyTime=less": "less",
    "familyTime=not-say": "quiet",
    haveSay: "say",
    "haveSay=mostly": "yes",
    "haveSay=sometimes": "some",
    "haveSay=hardly-ever": "no",
    "haveSay=not-sure": "unsure",
    makeBetter: "write",
  },
  pages: [
    {
      name: "safe",
      elements: [
        {
          type: "rating",
          name: "feelSafe",
          title: t(
            "Do you feel safe where you live?",
            "Wyt ti'n teimlo'n ddiogel lle rwyt ti'n byw?",
            "Czy czujesz się bezpiecznie tam, gdzie mieszkasz?",
            "هل تشعر بالأمان في المكان الذي تعيش فيه؟",
            "کیا آپ جہاں رہتے ہیں وہاں محفوظ محسوس کرتے ہیں؟",
          ),
          rateType: "smileys",
          rateMin: 1,
          rateMax: 5,
          minRateDescription: t("Not safe", "Ddim yn ddiogel", "Nie czuję się bezpiecznie", "لست بأمان", "محفوظ نہیں"),
          maxRateDescription: t("Very safe", "Diogel iawn", "Bardzo bezpiecznie", "بأمان كبير", "بہت محفوظ"),
        },
      ],
    },
    {
      name: "adult",
      elements: [
        {
          type: "boolean",
          name: "trustedAdult",
          title: t(
            "Is there an adult you trust?",
            "Oes oedolyn rwyt ti'n ymddiried ynddo?",
            "Czy masz dorosłą osobę, której ufasz?",
            "هل يوجد شخص بالغ تثق به؟",
            "کیا کوئی بڑا ہے جس پر آپ بھروسا کرتے ہیں؟",
          ),
          description: t(
            "This is someone you can talk to.",
            "Dyma rywun y galli di siarad â nhw.",
            "To ktoś, z kim możesz porozmawiać.",
            "هذا شخص يمكنك أن تتحدث معه.",
            "یہ کوئی ایسا شخص ہے جس سے آپ بات کر سکتے ہیں۔",
          ),
          labelTrue: t("Yes", "Oes", "Tak", "نعم", "ہاں"),
          labelFalse: t("No", "Nac oes", "Nie", "لا", "نہیں"),
        },
      ],
    },
    {
      name: "family",
      elements: [
        {
          type: "radiogroup",
          name: "familyTime",
          title: t(
            "How do you feel about time with your family?",
            "Sut wyt ti'n teimlo am amser gyda dy deulu?",
            "Co myślisz o czasie z rodziną?",
            "ما رأيك في الوقت الذي تقضيه مع عائلتك؟",
            "اپنے خاندان کے ساتھ وقت کے بارے میں آپ کیا محسوس کرتے ہیں؟",
          ),
          choices: [
            { value: "about-right", text: t("It is about right", "Mae'n iawn", "Jest w sam raz", "مناسب", "ٹھیک ہے") },
            { value: "more", text: t("I want more time", "Dw i eisiau mwy o amser", "Chcę więcej czasu", "أريد وقتًا أكثر", "مجھے زیادہ وقت چاہیے") },
            { value: "less", text: t("I want less time", "Dw i eisiau llai o amser", "Chcę mniej czasu", "أريد وقتًا أقل", "مجھے کم وقت چاہیے") },
            {
              value: "not-say",
              text: t("I do not want to say", "Dw i ddim eisiau dweud", "Nie chcę mówić", "لا أريد أن أقول", "میں یہ نہیں بتانا چاہتا یا چاہتی"),
            },
          ],
        },
      ],
    },
    {
      name: "say",
      elements: [
        {
          type: "radiogroup",
          name: "haveSay",
          title: t(
            "Do adults listen to you about your life?",
            "Ydy oedolion yn gwrando arnat ti am dy fywyd?",
            "Czy dorośli słuchają Cię, gdy chodzi o Twoje życie?",
            "هل يستمع إليك الكبار عندما يتعلق الأمر بحياتك؟",
            "کیا بڑے آپ کی زندگی کے بارے میں آپ کی بات سنتے ہیں؟",
          ),
          choices: [
            { value: "mostly", text: t("Yes, most of the time", "Ydyn, fel arfer", "Tak, zwykle", "نعم، في أغلب الأوقات", "ہاں، زیادہ تر") },
            { value: "sometimes", text: t("Sometimes", "Weithiau", "Czasami", "أحيانًا", "کبھی کبھی") },
            { value: "hardly-ever", text: t("Hardly ever", "Bron byth", "Prawie nigdy", "نادرًا", "تقریباً کبھی نہیں") },
            { value: "not-sure", text: t("I am not sure", "Dw i ddim yn siŵr", "Nie wiem", "لست متأكدًا", "مجھے پکا پتا نہیں") },
          ],
        },
      ],
    },
    {
      name: "better",
      elements: [
        {
          type: "comment",
          name: "makeBetter",
          maxLength: 2000,
          title: t(
            "What would make things better for you?",
            "Beth fyddai'n gwneud pethau'n well i ti?",
            "Co sprawiłoby, że byłoby Ci lepiej?",
            "ما الذي يجعل الأمور أفضل لك؟",
            "آپ کے لیے چیزیں کس بات سے بہتر ہوں گی؟",
          ),
          description: t(
            "You can write or skip this.",
            "Galli di ysgrifennu neu hepgor hwn.",
            "Możesz coś napisać albo to pominąć.",
            "يمكنك أن تكتب أو تتخطى هذا السؤال.",
            "آپ لکھ سکتے ہیں یا اسے چھوڑ سکتے ہیں۔",
          ),
        },
      ],
    },
  ],
};

/** The open demo consultation's own words in Welsh, Polish, Arabic and Urdu. */
export const DEMO_OPEN_TRANSLATIONS = [
  {
    locale: "cy",
    title: "Dy fywyd mewn gofal 2026",
    purpose:
      "Rydyn ni eisiau gwybod sut mae bywyd i ti: teimlo'n ddiogel, yr ysgol, amser gyda'r teulu a chael dweud dy ddweud. Mae dy atebion yn ein helpu i wneud gofal yn well.",
    whoFor: "Plant a phobl ifanc yng ngofal y cyngor, rhwng 8 a 18 oed",
    audience: "y Panel Rhianta Corfforaethol",
    dataUseStatement: "Dim ond y tîm cyfranogi sy'n gallu gweld atebion unigol. Dim ond cyfansymiau y mae adroddiadau'n eu dangos.",
  },
  {
    locale: "pl",
    title: "Twoje życie w pieczy zastępczej 2026",
    purpose:
      "Chcemy wiedzieć, jak Ci się żyje: czy czujesz się bezpiecznie, jak jest w szkole, jak wygląda czas z rodziną i czy masz coś do powiedzenia. Twoje odpowiedzi pomogą nam poprawić opiekę.",
    whoFor: "Dzieci i młodzież pod opieką rady, w wieku od 8 do 18 lat",
    audience: "Zespół ds. rodzicielstwa korporacyjnego (Corporate Parenting Panel)",
    dataUseStatement: "Pojedyncze odpowiedzi widzi tylko zespół ds. udziału. Raporty pokazują tylko sumy.",
  },
  {
    locale: "ar",
    title: "حياتك في الرعاية 2026",
    purpose:
      "نريد أن نعرف كيف هي حياتك: الشعور بالأمان، والمدرسة، والوقت مع العائلة، وأن يكون لك رأي. إجاباتك تساعدنا على تحسين الرعاية.",
    whoFor: "الأطفال والشباب في رعاية المجلس، من عمر 8 إلى 18 سنة",
    audience: "لجنة الرعاية الأبوية في المجلس (Corporate Parenting Panel)",
    dataUseStatement: "فريق المشاركة فقط يستطيع رؤية الإجابات الفردية. التقارير تعرض المجاميع فقط.",
  },
  {
    locale: "ur",
    title: "نگہداشت میں آپ کی زندگی 2026",
    purpose:
      "ہم جاننا چاہتے ہیں کہ آپ کی زندگی کیسی ہے: محفوظ محسوس کرنا، اسکول، خاندان کے ساتھ وقت، اور اپنی بات کہنا۔ آپ کے جوابات ہمیں دیکھ بھال کو بہتر بنانے میں مدد دیتے ہیں۔",
    whoFor: "کونسل کی نگہداشت میں 8 سے 18 سال کے بچے اور نوجوان",
    audience: "کارپوریٹ پیرنٹنگ پینل (Corporate Parenting Panel)",
    dataUseStatement: "صرف شرکت کی ٹیم انفرادی جوابات دیکھ سکتی ہے۔ رپورٹوں میں ہمیشہ صرف کل تعداد دکھائی جاتی ہے۔",
  },
];
