<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Categories</name>
    <message>
        <source>Mug</source>
        <translation>マグカップ</translation>
    </message>
    <message>
        <source>Cup</source>
        <translation>カップ</translation>
    </message>
    <message>
        <source>Bowl</source>
        <translation>ボウル・鉢</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>皿</translation>
    </message>
    <message>
        <source>Teapot</source>
        <translation>急須・ティーポット</translation>
    </message>
    <message>
        <source>Bottle</source>
        <translation>ボトル・瓶</translation>
    </message>
    <message>
        <source>Jar</source>
        <translation>保存瓶</translation>
    </message>
    <message>
        <source>Can</source>
        <translation>缶</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>箱</translation>
    </message>
    <message>
        <source>Knife</source>
        <translation>包丁・ナイフ</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>バッグ</translation>
    </message>
    <message>
        <source>Backpack</source>
        <translation>リュック</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>財布</translation>
    </message>
    <message>
        <source>Shoe</source>
        <translation>靴</translation>
    </message>
    <message>
        <source>Hat</source>
        <translation>帽子</translation>
    </message>
    <message>
        <source>Jacket</source>
        <translation>ジャケット</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>シャツ</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>ワンピース</translation>
    </message>
    <message>
        <source>Towel</source>
        <translation>タオル</translation>
    </message>
    <message>
        <source>Wristwatch</source>
        <translation>腕時計</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>指輪</translation>
    </message>
    <message>
        <source>Necklace</source>
        <translation>ネックレス</translation>
    </message>
    <message>
        <source>Bracelet</source>
        <translation>ブレスレット</translation>
    </message>
    <message>
        <source>Glasses</source>
        <translation>眼鏡</translation>
    </message>
    <message>
        <source>Umbrella</source>
        <translation>傘</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>椅子</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>Sofa</source>
        <translation>ソファ</translation>
    </message>
    <message>
        <source>Pillow</source>
        <translation>枕・クッション</translation>
    </message>
    <message>
        <source>Lamp</source>
        <translation>照明・ランプ</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>時計（置き・掛け）</translation>
    </message>
    <message>
        <source>Vase</source>
        <translation>花瓶</translation>
    </message>
    <message>
        <source>Candle</source>
        <translation>ろうそく・キャンドル</translation>
    </message>
    <message>
        <source>Plant</source>
        <translation>植物・鉢植え</translation>
    </message>
    <message>
        <source>Soap</source>
        <translation>石けん</translation>
    </message>
    <message>
        <source>Perfume</source>
        <translation>香水</translation>
    </message>
    <message>
        <source>Toy</source>
        <translation>おもちゃ</translation>
    </message>
    <message>
        <source>Doll</source>
        <translation>人形</translation>
    </message>
    <message>
        <source>Cake</source>
        <translation>ケーキ</translation>
    </message>
    <message>
        <source>Bread</source>
        <translation>パン</translation>
    </message>
    <message>
        <source>Cookie</source>
        <translation>クッキー</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>ペン</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>ノート</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>カメラ</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>スピーカー</translation>
    </message>
    <message>
        <source>Headphones</source>
        <translation>ヘッドホン</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>category label and the English word the model reads</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The project file was not found.</source>
        <translation>プロジェクトファイルが見つかりません。</translation>
    </message>
    <message>
        <source>It may have been moved or deleted. Check where it is and open it again.</source>
        <translation>移動または削除された可能性があります。保存場所を確かめて、もう一度開いてください。</translation>
    </message>
    <message>
        <source>This file is not a Rashisa project.</source>
        <translation>このファイルはらしさのプロジェクトではありません。</translation>
    </message>
    <message>
        <source>Choose a .rashisa file.</source>
        <translation>.rashisa ファイルを選んでください。</translation>
    </message>
    <message>
        <source>This project was made with a newer version of Rashisa.</source>
        <translation>新しいバージョンのらしさで作られたプロジェクトです。</translation>
    </message>
    <message>
        <source>Update Rashisa, then open it again. The file has not been changed.</source>
        <translation>らしさを更新してから、もう一度開いてください。ファイルは変更していません。</translation>
    </message>
    <message>
        <source>The project file is damaged.</source>
        <translation>プロジェクトファイルが壊れています。</translation>
    </message>
    <message>
        <source>Restore it from a backup. Rashisa has not changed the file.</source>
        <translation>バックアップから戻してください。らしさはこのファイルを変更していません。</translation>
    </message>
    <message>
        <source>A file with this name already exists.</source>
        <translation>同じ名前のファイルがすでにあります。</translation>
    </message>
    <message>
        <source>Choose another name or folder.</source>
        <translation>別の名前か保存場所を選んでください。</translation>
    </message>
    <message>
        <source>Rashisa cannot write to this place.</source>
        <translation>この場所には書き込めません。</translation>
    </message>
    <message>
        <source>Copy the project to a folder you can write to, then open the copy.</source>
        <translation>書き込みできるフォルダーにプロジェクトをコピーし、コピーしたほうを開いてください。</translation>
    </message>
    <message>
        <source>Another program is using this project.</source>
        <translation>ほかのプログラムがこのプロジェクトを使っています。</translation>
    </message>
    <message>
        <source>Close it in the other Rashisa window or rashisa-cli, then try again.</source>
        <translation>ほかのらしさのウィンドウや rashisa-cli で閉じてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The base model was not found.</source>
        <translation>ベースモデルが見つかりません。</translation>
    </message>
    <message>
        <source>Check where the file or folder is, and choose it again.</source>
        <translation>ファイルやフォルダーの場所を確かめて、もう一度選んでください。</translation>
    </message>
    <message>
        <source>Rashisa does not open this model format, for safety.</source>
        <translation>安全のため、この形式のモデルは開きません。</translation>
    </message>
    <message>
        <source>Files such as .ckpt can run programs when they are opened. Convert the model to .safetensors with a tool you trust, then choose that file.</source>
        <translation>.ckpt などのファイルは、開くだけでプログラムが動くおそれがあります。信頼できるツールで .safetensors に変換してから、そのファイルを選んでください。</translation>
    </message>
    <message>
        <source>This model is not supported.</source>
        <translation>このモデルには対応していません。</translation>
    </message>
    <message>
        <source>Choose a Stable Diffusion 1.5 or 2.1 model: a diffusers folder or a .safetensors file.</source>
        <translation>Stable Diffusion 1.5 または 2.1 のモデル（diffusers 形式のフォルダーか .safetensors ファイル）を選んでください。</translation>
    </message>
    <message>
        <source>The model&apos;s files are damaged or not in the expected format.</source>
        <translation>モデルのファイルが壊れているか、形式が違います。</translation>
    </message>
    <message>
        <source>Check that the copy or download was complete, then choose the model again.</source>
        <translation>コピーやダウンロードが最後まで終わっているか確かめてから、もう一度選んでください。</translation>
    </message>
    <message>
        <source>The base model is not the one this project was made with.</source>
        <translation>このプロジェクトで使っていたベースモデルとは中身が違います。</translation>
    </message>
    <message>
        <source>Put the original model back, or choose this one again (earlier images then cannot be remade exactly).</source>
        <translation>元のモデルを戻すか、このモデルを選び直してください（選び直すと、これまでの画像はまったく同じには作り直せません）。</translation>
    </message>
    <message>
        <source>The GPU ran out of memory.</source>
        <translation>GPU のメモリが足りなくなりました。</translation>
    </message>
    <message>
        <source>Close other programs that use the GPU, or choose a smaller memory setting under Advanced settings. Training continues from its last save.</source>
        <translation>GPU を使うほかのプログラムを閉じるか、詳細設定でメモリの設定を小さくしてください。学習は最後に保存したところから続けられます。</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>ディスクの空き容量が足りません。</translation>
    </message>
    <message>
        <source>Free some disk space, then try again. Everything done so far is saved.</source>
        <translation>空き容量を増やしてから、もう一度お試しください。ここまでの作業は保存されています。</translation>
    </message>
    <message>
        <source>A file could not be written.</source>
        <translation>ファイルを書き込めませんでした。</translation>
    </message>
    <message>
        <source>Check the free disk space and that you may write to the folder, then try again.</source>
        <translation>空き容量と、フォルダーへの書き込み権限を確かめてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>A file could not be read.</source>
        <translation>ファイルを読み込めませんでした。</translation>
    </message>
    <message>
        <source>Check that the file is still there and readable.</source>
        <translation>ファイルがその場所にあり、開けるかどうか確かめてください。</translation>
    </message>
    <message>
        <source>A file was not found.</source>
        <translation>ファイルが見つかりません。</translation>
    </message>
    <message>
        <source>Check that it has not been moved or deleted.</source>
        <translation>移動や削除をしていないか確かめてください。</translation>
    </message>
    <message>
        <source>Part of the project file is damaged.</source>
        <translation>プロジェクトファイルの一部が壊れています。</translation>
    </message>
    <message>
        <source>Restore the project from a backup.</source>
        <translation>バックアップからプロジェクトを戻してください。</translation>
    </message>
    <message>
        <source>Close the other program, then try again.</source>
        <translation>ほかのプログラムを閉じてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>This cannot be done with the current settings.</source>
        <translation>今の設定ではこの操作ができません。</translation>
    </message>
    <message>
        <source>Check the settings on this page. &quot;Copy details&quot; shows the exact reason.</source>
        <translation>このページの設定を確かめてください。くわしい理由は「詳細をコピー」で確認できます。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>予期しないエラーが起きました。</translation>
    </message>
    <message>
        <source>Use &quot;Copy details&quot; and send the text to your support contact.</source>
        <translation>「詳細をコピー」で内容をコピーし、サポート窓口に送ってください。</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>1 分未満</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>約 %n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s)</source>
        <translation>
            <numerusform>約 %n 時間</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>約 %1 時間 %2 分</translation>
    </message>
    <message numerus="yes">
        <source>about %n day(s)</source>
        <translation>
            <numerusform>約 %n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s/step</source>
        <translation>%1 秒/ステップ</translation>
    </message>
</context>
<context>
    <name>PhotoText</name>
    <message>
        <source>No photos yet</source>
        <translation>写真がまだありません</translation>
    </message>
    <message>
        <source>Add 5 to 20 photos of the product, taken from different angles.</source>
        <translation>いろいろな角度から撮った商品の写真を 5〜20 枚追加してください。</translation>
    </message>
    <message numerus="yes">
        <source>Only %n photo(s)</source>
        <translation>
            <numerusform>写真が %n 枚だけです</numerusform>
        </translation>
    </message>
    <message>
        <source>Add more: 5 to 20 photos from different angles and distances teach the product&apos;s shape, not just one view of it.</source>
        <translation>もう少し追加してください。角度や距離を変えた写真が 5〜20 枚あると、ひとつの見え方ではなく商品の形そのものを覚えます。</translation>
    </message>
    <message numerus="yes">
        <source>%n photos is more than needed</source>
        <translation>
            <numerusform>写真 %n 枚は多すぎます</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the 20 best and most varied ones. More photos make training slower, not better.</source>
        <translation>変化のある良い写真を 20 枚選んでください。枚数を増やしても仕上がりは良くならず、学習に時間がかかるだけです。</translation>
    </message>
    <message>
        <source>Small photo</source>
        <translation>写真が小さい</translation>
    </message>
    <message>
        <source>Use a photo at least 512 pixels on its shorter side; small photos make soft results.</source>
        <translation>短い辺が 512 ピクセル以上の写真を使ってください。小さい写真では仕上がりがぼやけます。</translation>
    </message>
    <message>
        <source>Blurred photo</source>
        <translation>ぼやけた写真</translation>
    </message>
    <message>
        <source>Replace it with a sharp photo: Rashisa would learn the blur as part of the product.</source>
        <translation>ピントの合った写真に差し替えてください。ぼやけも商品の特徴として覚えてしまいます。</translation>
    </message>
    <message>
        <source>The same photo twice</source>
        <translation>同じ写真が重複しています</translation>
    </message>
    <message>
        <source>Remove the copies and keep one.</source>
        <translation>1 枚だけ残して、ほかは外してください。</translation>
    </message>
    <message>
        <source>Almost the same photos</source>
        <translation>ほとんど同じ写真</translation>
    </message>
    <message>
        <source>Keep one of them, or retake from another angle: with only one view, Rashisa learns only that view.</source>
        <translation>1 枚だけ残すか、別の角度から撮り直してください。同じ見え方ばかりだと、その向きしか覚えません。</translation>
    </message>
    <message>
        <source>The product may be cut off</source>
        <translation>商品が端で切れているかもしれません</translation>
    </message>
    <message>
        <source>If part of the product is outside the photo, use one that shows all of it with some space around it.</source>
        <translation>商品の一部が写っていない場合は、周りに余白をとって全体が写った写真を使ってください。</translation>
    </message>
    <message>
        <source>The product is small in the photo</source>
        <translation>商品が小さく写っています</translation>
    </message>
    <message>
        <source>Crop the photo or take it from closer, so the product fills most of the frame.</source>
        <translation>トリミングするか近づいて撮り、商品が画面の大部分を占めるようにしてください。</translation>
    </message>
    <message>
        <source>Something to check</source>
        <translation>確認してほしい点があります</translation>
    </message>
    <message>
        <source>See &quot;Copy details&quot; for the exact finding.</source>
        <translation>くわしい内容は「詳細をコピー」で確認できます。</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>ファイルが見つかりません</translation>
    </message>
    <message>
        <source>It may have been moved or renamed.</source>
        <translation>移動したか、名前が変わった可能性があります。</translation>
    </message>
    <message>
        <source>File could not be read</source>
        <translation>ファイルを読み込めません</translation>
    </message>
    <message>
        <source>Check that you may open it, then add it again.</source>
        <translation>ファイルを開く権限があるか確かめてから、もう一度追加してください。</translation>
    </message>
    <message>
        <source>Not a photo</source>
        <translation>写真ではありません</translation>
    </message>
    <message>
        <source>Only JPEG, PNG, WebP, TIFF and BMP photos can be added.</source>
        <translation>追加できるのは JPEG・PNG・WebP・TIFF・BMP の写真です。</translation>
    </message>
    <message>
        <source>Format not supported</source>
        <translation>対応していない形式です</translation>
    </message>
    <message>
        <source>Convert it to JPEG or PNG first. On an iPhone, the camera setting &quot;Most Compatible&quot; saves JPEG instead of HEIC.</source>
        <translation>JPEG か PNG に変換してから追加してください。iPhone ではカメラの設定を「互換性優先」にすると、HEIC ではなく JPEG で保存されます。</translation>
    </message>
    <message>
        <source>Photo too large</source>
        <translation>写真が大きすぎます</translation>
    </message>
    <message>
        <source>Scale it down to at most 20,000 pixels per side and add it again.</source>
        <translation>1 辺 20,000 ピクセル以下に縮小してから、もう一度追加してください。</translation>
    </message>
    <message>
        <source>File is incomplete</source>
        <translation>ファイルが途中で切れています</translation>
    </message>
    <message>
        <source>Copy it again, or export it again from the original.</source>
        <translation>コピーし直すか、元データから書き出し直してください。</translation>
    </message>
    <message>
        <source>File is damaged</source>
        <translation>ファイルが壊れています</translation>
    </message>
    <message>
        <source>Export it again from the original.</source>
        <translation>元データから書き出し直してください。</translation>
    </message>
    <message>
        <source>Empty file</source>
        <translation>空のファイルです</translation>
    </message>
    <message>
        <source>The file holds no data; copy it again.</source>
        <translation>中身がありません。コピーし直してください。</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>ディスクの空き容量が足りません</translation>
    </message>
    <message>
        <source>Free some disk space, then add the photo again.</source>
        <translation>空き容量を増やしてから、もう一度追加してください。</translation>
    </message>
    <message>
        <source>Could not be added</source>
        <translation>追加できませんでした</translation>
    </message>
    <message>
        <source>See &quot;Copy details&quot; for the exact reason.</source>
        <translation>くわしい理由は「詳細をコピー」で確認できます。</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>写真 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 to fix</source>
        <translation>%1・要修正 %2 件</translation>
    </message>
    <message>
        <source>%1 · %2 to check</source>
        <translation>%1・確認 %2 件</translation>
    </message>
    <message>
        <source>%1 · ready</source>
        <translation>%1・準備完了</translation>
    </message>
    <message>
        <source>Must fix</source>
        <translation>要修正</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>参考</translation>
    </message>
</context>
<context>
    <name>SystemDialogs</name>
    <message>
        <source>New project</source>
        <translation>新しいプロジェクト</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Rashisa projects (*.rashisa)</source>
        <translation>らしさのプロジェクト (*.rashisa)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <source>Choose photos</source>
        <translation>写真を選ぶ</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.heic *.heif);;All files (*)</source>
        <translation>写真 (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.heic *.heif);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a folder of photos</source>
        <translation>写真のフォルダーを選ぶ</translation>
    </message>
    <message>
        <source>Choose a Stable Diffusion model folder (diffusers)</source>
        <translation>Stable Diffusion のモデルフォルダー（diffusers 形式）を選ぶ</translation>
    </message>
    <message>
        <source>Choose a Stable Diffusion model file</source>
        <translation>Stable Diffusion のモデルファイルを選ぶ</translation>
    </message>
    <message>
        <source>Stable Diffusion models (*.safetensors)</source>
        <translation>Stable Diffusion のモデル (*.safetensors)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Rashisa learns a product from a few photos and makes catalogue images of it, on this computer.</source>
        <translation>らしさは、数枚の写真から商品を学習し、カタログ用の画像をこのパソコンの中で作ります。</translation>
    </message>
    <message>
        <source>Language of the window: ja or en.</source>
        <translation>画面の言語（ja または en）。</translation>
    </message>
    <message>
        <source>A project file (.rashisa) to open.</source>
        <translation>開くプロジェクトファイル（.rashisa）。</translation>
    </message>
    <message>
        <source>--lang takes ja or en, not &quot;%1&quot;.</source>
        <translation>--lang には ja か en を指定してください（「%1」は使えません）。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::AppController</name>
    <message>
        <source>Checking this computer</source>
        <translation>このパソコンを確認しています</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>先にプロジェクトを開くか、新しく作ってください。</translation>
    </message>
    <message>
        <source>Add photos of the product first.</source>
        <translation>先に商品の写真を追加してください。</translation>
    </message>
    <message>
        <source>Fix the problems marked on the Photos page first.</source>
        <translation>先に「写真」ページで要修正の問題を直してください。</translation>
    </message>
    <message>
        <source>Checking the base model</source>
        <translation>ベースモデルを確認しています</translation>
    </message>
    <message>
        <source>Creating the project</source>
        <translation>プロジェクトを作成しています</translation>
    </message>
    <message>
        <source>Opening the project</source>
        <translation>プロジェクトを開いています</translation>
    </message>
    <message>
        <source>Closing the project</source>
        <translation>プロジェクトを閉じています</translation>
    </message>
    <message>
        <source>Adding photos</source>
        <translation>写真を追加しています</translation>
    </message>
    <message>
        <source>Removing photos</source>
        <translation>写真を外しています</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>保存しています</translation>
    </message>
    <message>
        <source>Checking the category</source>
        <translation>種類を確認しています</translation>
    </message>
    <message>
        <source>Reading the project</source>
        <translation>プロジェクトを読み込んでいます</translation>
    </message>
    <message>
        <source>Resume with less memory</source>
        <translation>メモリを抑えて再開</translation>
    </message>
    <message>
        <source>Choose a model…</source>
        <translation>モデルを選ぶ…</translation>
    </message>
    <message>
        <source>The project&apos;s base model cannot be used now.</source>
        <translation>このプロジェクトのベースモデルが使えません。</translation>
    </message>
    <message>
        <source>It was not found or could not be read at %1. Put it back, or choose the model again.</source>
        <translation>%1 にないか、読み込めませんでした。元の場所に戻すか、モデルを選び直してください。</translation>
    </message>
    <message>
        <source>The product is trained, but the project file could not give its free space back to the disk yet.</source>
        <translation>学習は終わりましたが、プロジェクトファイルの空き領域をまだディスクに返せていません。</translation>
    </message>
    <message>
        <source>Free some disk space; it is given back the next time training ends.</source>
        <translation>ディスクの空き容量を増やしてください。次に学習が終わったときに返されます。</translation>
    </message>
    <message>
        <source>Training stopped. Everything so far is saved.</source>
        <translation>学習を中止しました。ここまでの内容は保存されています。</translation>
    </message>
    <message>
        <source>Resume it whenever you like; it continues where it stopped.</source>
        <translation>いつでも再開でき、止めたところから続きます。</translation>
    </message>
    <message>
        <source>Measuring the speed of this computer</source>
        <translation>このパソコンの速さを測っています</translation>
    </message>
    <message>
        <source>many hours, possibly days</source>
        <translation>何時間も、場合によっては何日も</translation>
    </message>
    <message>
        <source>Train on the CPU?</source>
        <translation>CPU で学習しますか？</translation>
    </message>
    <message>
        <source>This computer has no GPU that Rashisa can use, so training runs on the CPU. It will take %1. You can pause or stop it at any time; progress is saved.</source>
        <translation>このパソコンにはらしさで使える GPU がないため、CPU で学習します。時間は%1かかります。途中で一時停止や中止をしても、進み具合は保存されます。</translation>
    </message>
    <message>
        <source>Train on the CPU</source>
        <translation>CPU で学習する</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Setting up the product</source>
        <translation>商品の設定をしています</translation>
    </message>
    <message>
        <source>Learning &quot;%1&quot;</source>
        <translation>「%1」を学習しています</translation>
    </message>
    <message>
        <source>Making trial images</source>
        <translation>試しの画像を作っています</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::EnvironmentCard</name>
    <message>
        <source>Is this computer ready?</source>
        <translation>このパソコンの準備</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>Choose a model file…</source>
        <translation>モデルファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Choose a model folder…</source>
        <translation>モデルフォルダーを選ぶ…</translation>
    </message>
    <message>
        <source>A Stable Diffusion 1.5 or 2.1 checkpoint (.safetensors)</source>
        <translation>Stable Diffusion 1.5 または 2.1 のモデルファイル（.safetensors）</translation>
    </message>
    <message>
        <source>A Stable Diffusion 1.5 or 2.1 folder in the diffusers layout</source>
        <translation>diffusers 形式の Stable Diffusion 1.5 または 2.1 のフォルダー</translation>
    </message>
    <message>
        <source>Rashisa never downloads anything. Choose the Stable Diffusion 1.5 or 2.1 model you already have on this computer.</source>
        <translation>らしさは何もダウンロードしません。このパソコンにある Stable Diffusion 1.5 または 2.1 のモデルを選んでください。</translation>
    </message>
    <message>
        <source>Free disk space</source>
        <translation>ディスクの空き容量</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>%1 (%2 memory)</source>
        <translation>%1（メモリ %2）</translation>
    </message>
    <message>
        <source>No GPU that Rashisa can use. Everything works on the CPU, but training a product takes many hours.</source>
        <translation>らしさで使える GPU がありません。すべて CPU で動きますが、商品の学習には何時間もかかります。</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2・%3）</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <translation>diffusers フォルダー</translation>
    </message>
    <message>
        <source>single file</source>
        <translation>単一ファイル</translation>
    </message>
    <message>
        <source>The chosen model cannot be used. Choose it again.</source>
        <translation>選んだモデルが使えません。もう一度選んでください。</translation>
    </message>
    <message>
        <source>Not chosen yet.</source>
        <translation>まだ選ばれていません。</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>%1 free at %2</source>
        <translation>空き %1（%2）</translation>
    </message>
    <message>
        <source>Training saves its progress in the project file and needs about 25 GB.</source>
        <translation>学習中は進み具合をプロジェクトファイルに保存するため、25 GB ほど必要です。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::FindingsPanel</name>
    <message>
        <source>To check</source>
        <translation>確認してほしいこと</translation>
    </message>
    <message>
        <source>No problems found. These photos are ready for learning.</source>
        <translation>問題は見つかりませんでした。この写真で学習できます。</translation>
    </message>
    <message>
        <source>Keep only the first</source>
        <translation>最初の 1 枚だけ残す</translation>
    </message>
    <message>
        <source>Remove this photo</source>
        <translation>この写真を外す</translation>
    </message>
    <message>
        <source>Remove these photos</source>
        <translation>これらの写真を外す</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Select these photos in the grid</source>
        <translation>一覧でこれらの写真を選択します</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>写真を追加…</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::JobBar</name>
    <message>
        <source>Progress of the current job</source>
        <translation>実行中の作業の進み具合</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Stage %1 of 3: %2</source>
        <translation>段階 %1/3：%2</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>モデルを読み込んでいます</translation>
    </message>
    <message>
        <source>Photo %1 of %2</source>
        <translation>写真 %1/%2</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>ステップ %1/%2</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>画像 %1/%2</translation>
    </message>
    <message>
        <source>%1 / %2 steps</source>
        <translation>%1/%2 ステップ</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>残り%1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Nothing is running.</source>
        <translation>実行中の作業はありません。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Save and stop</source>
        <translation>保存して中止</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::LearnPage</name>
    <message>
        <source>Learn the product</source>
        <translation>商品を学習</translation>
    </message>
    <message>
        <source>Change model…</source>
        <translation>モデルを変更…</translation>
    </message>
    <message>
        <source>Start over?</source>
        <translation>最初からやり直しますか？</translation>
    </message>
    <message>
        <source>The saved progress of &quot;%1&quot; is discarded and training starts again from the beginning.</source>
        <translation>「%1」の保存済みの進み具合を破棄して、学習を最初からやり直します。</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>最初からやり直す</translation>
    </message>
    <message>
        <source>Keep the progress</source>
        <translation>進み具合を残す</translation>
    </message>
    <message>
        <source>Choose the base model</source>
        <translation>ベースモデルを選んでください</translation>
    </message>
    <message>
        <source>Rashisa learns your product on top of Stable Diffusion 1.5 or 2.1. Choose the model file (.safetensors) or its diffusers folder on this computer. Rashisa never downloads anything.</source>
        <translation>らしさは Stable Diffusion 1.5 または 2.1 をもとに商品を学習します。このパソコンにあるモデルファイル（.safetensors）か diffusers 形式のフォルダーを選んでください。らしさは何もダウンロードしません。</translation>
    </message>
    <message>
        <source>Choose a model file…</source>
        <translation>モデルファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Choose a model folder…</source>
        <translation>モデルフォルダーを選ぶ…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開する</translation>
    </message>
    <message>
        <source>No product name yet</source>
        <translation>商品名がまだありません</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n photo(s)</source>
        <translation>
            <numerusform>%1・%2・写真 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>Base model: %1 (%2)</source>
        <translation>ベースモデル：%1（%2）</translation>
    </message>
    <message>
        <source>The last training stopped in stage %1 (%2) at step %3 of %4. Resume it, or start over.</source>
        <translation>前回の学習は段階 %1（%2）の %3/%4 ステップで中断しました。続きから再開するか、最初からやり直せます。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has learned your product. Try it with a prompt of your own.</source>
        <translation>「%1」の学習が終わりました。プロンプトを書いて試してみましょう。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::LearnSetupPanel</name>
    <message>
        <source>Advanced settings</source>
        <translation>詳細設定</translation>
    </message>
    <message>
        <source>Start learning</source>
        <translation>学習を始める</translation>
    </message>
    <message>
        <source>Standard (recommended)</source>
        <translation>標準（おすすめ）</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>速い</translation>
    </message>
    <message>
        <source>The method&apos;s own settings: learns the product&apos;s details thoroughly.</source>
        <translation>手法どおりの設定です。商品の細部までしっかり覚えます。</translation>
    </message>
    <message>
        <source>A shorter final stage, for a first try. Fine details may come out less exact.</source>
        <translation>仕上げの段階を短くします。まず試したいときに。細部の再現は少し甘くなることがあります。</translation>
    </message>
    <message>
        <source>Measure this computer</source>
        <translation>このパソコンで測る</translation>
    </message>
    <message>
        <source>Runs a few training steps of each stage (nothing is saved) to estimate the time.</source>
        <translation>各段階を数ステップだけ実際に動かして（何も保存しません）、かかる時間を見積もります。</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>The size the photos are learned at. 512 suits Stable Diffusion 1.5 and 2.1-base.</source>
        <translation>学習するときの写真の大きさです。Stable Diffusion 1.5 と 2.1-base には 512 が合います。</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解像度</translation>
    </message>
    <message>
        <source>Steps of stage %1</source>
        <translation>段階 %1 のステップ数</translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation>段階 %1</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>The same seed and photos give the same result.</source>
        <translation>同じシードと写真からは、同じ結果になります。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Only at the end of each stage</source>
        <translation>各段階の終わりだけ</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> ステップごと</translation>
    </message>
    <message>
        <source>Preview every</source>
        <translation>プレビューの間隔</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分ごと</translation>
    </message>
    <message>
        <source>How often progress is saved into the project during long stages. Each save of the final stage writes about 10 GB.</source>
        <translation>長い段階の途中で、進み具合をプロジェクトに保存する間隔です。最後の段階では 1 回の保存で約 10 GB を書き込みます。</translation>
    </message>
    <message>
        <source>Save progress every</source>
        <translation>途中保存の間隔</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>GPU (NVIDIA)</source>
        <translation>GPU（NVIDIA）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>使う装置</translation>
    </message>
    <message>
        <source>%1 GB GPU</source>
        <translation>GPU %1 GB 向け</translation>
    </message>
    <message>
        <source>Smaller settings fit smaller GPUs and train more slowly.</source>
        <translation>小さい設定ほどメモリの少ない GPU でも動きますが、学習は遅くなります。</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <source>%1 on this computer</source>
        <translation>このパソコンで%1</translation>
    </message>
    <message>
        <source>Measuring… this takes a minute on a GPU, longer on a CPU.</source>
        <translation>測っています… GPU なら 1 分ほど、CPU ではもっとかかります。</translation>
    </message>
    <message>
        <source>Times are measured on this computer and refined by each run.</source>
        <translation>時間はこのパソコンで測った値で、学習するたびに精度が上がります。</translation>
    </message>
    <message>
        <source>The time on this computer is not known yet.</source>
        <translation>このパソコンでかかる時間はまだわかりません。</translation>
    </message>
    <message>
        <source>Measure again</source>
        <translation>測り直す</translation>
    </message>
    <message>
        <source>Choose the base model first.</source>
        <translation>先にベースモデルを選んでください。</translation>
    </message>
    <message>
        <source>Give the product a name on the Photos page.</source>
        <translation>「写真」ページで商品名を入力してください。</translation>
    </message>
    <message>
        <source>Choose what kind of product it is on the Photos page.</source>
        <translation>「写真」ページで商品の種類を選んでください。</translation>
    </message>
    <message>
        <source>Training is already running.</source>
        <translation>学習はすでに動いています。</translation>
    </message>
    <message>
        <source>Wait until the measurement is done.</source>
        <translation>測定が終わるまでお待ちください。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::LossChart</name>
    <message>
        <source>Training loss chart</source>
        <translation>学習の損失グラフ</translation>
    </message>
    <message>
        <source>How far the model&apos;s guesses are from the truth while it learns; lower is better. The line is noisy by nature: watch the bold trend.</source>
        <translation>学習中のモデルの予測と正解とのずれです。低いほど良い状態です。細い線はもともと上下するので、太い線の傾向を見てください。</translation>
    </message>
    <message>
        <source>The loss is drawn here while training runs.</source>
        <translation>学習中はここに損失のグラフが表示されます。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::MainWindow</name>
    <message>
        <source>Rashisa</source>
        <translation>らしさ</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>はじめに</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>写真</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新しいプロジェクト(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>プロジェクトを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>Stop training?</source>
        <translation>学習を中止しますか？</translation>
    </message>
    <message>
        <source>Closing the project stops the training. Everything so far is saved, and it can resume later.</source>
        <translation>プロジェクトを閉じると学習は中止されます。ここまでの内容は保存され、あとで再開できます。</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>保存して閉じる</translation>
    </message>
    <message>
        <source>Keep training</source>
        <translation>学習を続ける</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>システムと同じ</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Rashisa</source>
        <translation>らしさについて(&amp;A)</translation>
    </message>
    <message>
        <source>About Rashisa</source>
        <translation>らしさについて</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rashisa %1&lt;/b&gt;&lt;p&gt;Learns a product from a few photos and makes catalogue images of it, on this computer. Nothing is uploaded or downloaded.&lt;/p&gt;</source>
        <translation>&lt;b&gt;らしさ %1&lt;/b&gt;&lt;p&gt;数枚の写真から商品を学習し、カタログ用の画像をこのパソコンの中で作ります。アップロードもダウンロードも一切しません。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language is used the next time Rashisa starts.</source>
        <translation>新しい言語は、次にらしさを起動したときから使われます。</translation>
    </message>
    <message>
        <source>%1 — Rashisa</source>
        <translation>%1 — らしさ</translation>
    </message>
    <message>
        <source>Open or create a project</source>
        <translation>プロジェクトを開くか作成</translation>
    </message>
    <message>
        <source>Add photos first</source>
        <translation>先に写真を追加</translation>
    </message>
    <message>
        <source>Add 5 to 20 photos</source>
        <translation>写真を 5〜20 枚追加</translation>
    </message>
    <message>
        <source>Something to fix</source>
        <translation>直すところがあります</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>写真 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos must be ready first</source>
        <translation>先に写真の準備が必要です</translation>
    </message>
    <message>
        <source>Learning…</source>
        <translation>学習中…</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>学習済み</translation>
    </message>
    <message>
        <source>Stopped; can resume</source>
        <translation>中断中・再開できます</translation>
    </message>
    <message>
        <source>Ready to start</source>
        <translation>始められます</translation>
    </message>
    <message>
        <source>Quit Rashisa?</source>
        <translation>らしさを終了しますか？</translation>
    </message>
    <message>
        <source>A product is learning. Rashisa saves the progress and stops; it resumes where it stopped the next time you open the project.</source>
        <translation>商品を学習中です。進み具合を保存して止めます。次にプロジェクトを開くと、止めたところから再開できます。</translation>
    </message>
    <message>
        <source>Work is still running. Rashisa stops it; what is finished is kept.</source>
        <translation>まだ作業中です。作業を止めますが、終わった分は残ります。</translation>
    </message>
    <message>
        <source>Save and quit</source>
        <translation>保存して終了</translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation>止めて終了</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>作業を続ける</translation>
    </message>
    <message>
        <source>Saving the training progress…</source>
        <translation>学習の進み具合を保存しています…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>止めています…</translation>
    </message>
    <message>
        <source>Choose the base model</source>
        <translation>ベースモデルを選択</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::MessageBar</name>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>このメッセージを閉じる</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::PhotoListModel</name>
    <message>
        <source>%1
%2 × %3 pixels</source>
        <translation>%1
%2 × %3 ピクセル</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::PhotosPage</name>
    <message>
        <source>Photos of the product</source>
        <translation>商品の写真</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>商品名</translation>
    </message>
    <message>
        <source>e.g. Blue glazed mug</source>
        <translation>例：青釉のマグカップ</translation>
    </message>
    <message>
        <source>What is it?</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Kind of product</source>
        <translation>商品の種類</translation>
    </message>
    <message>
        <source>Choose the word that says what the product is. Rashisa passes the English word to the model, which already knows what such things look like.</source>
        <translation>商品が何なのかを表す言葉を選んでください。モデルには英単語で伝わり、モデルはそれがどんな見た目のものかをすでに知っています。</translation>
    </message>
    <message>
        <source>Choose or type one English word</source>
        <translation>選ぶか、英単語をひとつ入力</translation>
    </message>
    <message>
        <source>The photos cannot change while the product is learning from them.</source>
        <translation>学習中は写真を変更できません。</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>写真を追加…</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>選んだ写真を外す</translation>
    </message>
    <message>
        <source>Next: learn the product</source>
        <translation>次へ：商品を学習</translation>
    </message>
    <message>
        <source>Drag photos of the product here (5 to 20)</source>
        <translation>商品の写真をここにドラッグ（5〜20 枚）</translation>
    </message>
    <message>
        <source>Files or whole folders. Take the product from different angles and distances, sharp and well lit, ideally on a plain background.</source>
        <translation>ファイルでもフォルダーごとでもかまいません。角度や距離を変えて、ピントの合った明るい写真を。背景は無地が理想です。</translation>
    </message>
    <message>
        <source>Choose photos…</source>
        <translation>写真を選ぶ…</translation>
    </message>
    <message>
        <source>Photos are kept in the project file without location, camera serial numbers or owner names. They never leave this computer.</source>
        <translation>写真は位置情報・カメラのシリアル番号・所有者名を取り除いてプロジェクトファイルに保存します。このパソコンの外に出ることはありません。</translation>
    </message>
    <message>
        <source>Photos in the project</source>
        <translation>プロジェクトの写真</translation>
    </message>
    <message>
        <source>Give the product a name.</source>
        <translation>商品名を入力してください。</translation>
    </message>
    <message>
        <source>Choose what kind of product it is.</source>
        <translation>商品の種類を選んでください。</translation>
    </message>
    <message>
        <source>Rashisa checks this word once a base model is chosen.</source>
        <translation>ベースモデルを選ぶと、この言葉が使えるか確認します。</translation>
    </message>
    <message>
        <source>The model knows this word.</source>
        <translation>モデルが知っている言葉です。</translation>
    </message>
    <message>
        <source>The model does not know &quot;%1&quot; as one word. Choose one from the list, or another simple English word.</source>
        <translation>モデルは「%1」をひとつの言葉として知りません。一覧から選ぶか、別の簡単な英単語にしてください。</translation>
    </message>
    <message>
        <source>No photos were found.</source>
        <translation>写真が見つかりませんでした。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be added.</source>
        <translation>
            <numerusform>%n 件のファイルを追加できませんでした。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>写真を %n 枚追加しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>These photos are already in the project.</source>
        <translation>これらの写真はすでにプロジェクトにあります。</translation>
    </message>
    <message>
        <source>Adding was stopped; the photos added until then are kept.</source>
        <translation>追加を中止しました。それまでに追加した写真は残っています。</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) were already in the project.</source>
        <translation>
            <numerusform>%n 枚はすでにプロジェクトにありました。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2. %3</source>
        <translation>%1：%2。%3</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (see &quot;Copy details&quot;).</source>
        <translation>
            <numerusform>…ほか %n 件（「詳細をコピー」で確認できます）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n file(s) that are not photos: %1</source>
        <translation>
            <numerusform>写真ではないファイル %n 件を読み飛ばしました：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>No photos in the folder &quot;%1&quot;.</source>
        <translation>フォルダー「%1」には写真がありませんでした。</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::PreviewListModel</name>
    <message>
        <source>Stage %1 · step %2</source>
        <translation>段階%1・%2ステップ</translation>
    </message>
    <message>
        <source>%1: %2, seed %3</source>
        <translation>%1：%2、シード %3</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::RecentProjectsModel</name>
    <message>
        <source>Not found at %1</source>
        <translation>%1 に見つかりません</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) trained</source>
        <translation>
            <numerusform>学習済みの商品 %n 点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>画像 %n 枚</numerusform>
        </translation>
    </message>
    <message>
        <source>opened %1</source>
        <translation>最終利用 %1</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::StageStepper</name>
    <message>
        <source>Training stages</source>
        <translation>学習の段階</translation>
    </message>
    <message>
        <source>Learn the word</source>
        <translation>言葉を覚える</translation>
    </message>
    <message>
        <source>Learn where to look</source>
        <translation>注目する場所を覚える</translation>
    </message>
    <message>
        <source>Refine the details</source>
        <translation>細部を仕上げる</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>%1 / %2 steps</source>
        <translation>%1/%2 ステップ</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>残り%1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n ステップ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rashisa::ui::StartPage</name>
    <message>
        <source>Welcome to Rashisa</source>
        <translation>らしさへようこそ</translation>
    </message>
    <message>
        <source>Teach Rashisa your product with 5 to 20 photos, then make catalogue images of it. Everything stays on this computer.</source>
        <translation>商品の写真 5〜20 枚で商品を覚えさせ、カタログ用の画像を作りましょう。データはすべてこのパソコンの中にとどまります。</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新しいプロジェクト…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <source>Or drop photos of a product here to start a new project with them.</source>
        <translation>商品の写真をここにドロップすると、その写真で新しいプロジェクトを始められます。</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近のプロジェクト</translation>
    </message>
    <message>
        <source>Projects you open appear here.</source>
        <translation>開いたプロジェクトがここに表示されます。</translation>
    </message>
    <message>
        <source>This project is no longer where it was.</source>
        <translation>このプロジェクトは元の場所にありません。</translation>
    </message>
    <message>
        <source>It may have been moved or deleted: %1</source>
        <translation>移動または削除された可能性があります：%1</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>一覧から外す</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::StepRail</name>
    <message>
        <source>Rashisa</source>
        <translation>らしさ</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TrainingPanel</name>
    <message>
        <source>Previews</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Show where the AI sees the product</source>
        <translation>AI が商品として見ている場所を表示</translation>
    </message>
    <message>
        <source>Colours where the model looks when it reads the product&apos;s word. Bright on the product means it has learned what the word stands for.</source>
        <translation>商品を表す言葉を読んだとき、モデルが注目している場所を色で示します。商品の上が明るければ、その言葉が商品を指すことを覚えています。</translation>
    </message>
    <message>
        <source>The first previews appear when stage 1 ends.</source>
        <translation>最初のプレビューは段階 1 が終わると表示されます。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>All previews of this training</source>
        <translation>この学習のすべてのプレビュー</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Save and stop</source>
        <translation>ここまでを保存して中止</translation>
    </message>
    <message>
        <source>Stops after the current step. Everything so far is saved, and training can resume later.</source>
        <translation>今のステップが終わったら止めます。ここまでの内容は保存され、あとで再開できます。</translation>
    </message>
    <message>
        <source>Latest: %1</source>
        <translation>最新：%1</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>モデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>中断中</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>シード %1</translation>
    </message>
</context>
<context>
    <name>rashisa::ui::TryPanel</name>
    <message>
        <source>Try it</source>
        <translation>試しに作ってみる</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Describe a scene in English, with {concept} where the product goes</source>
        <translation>場面を英語で。商品の入る位置に {concept} と書きます</translation>
    </message>
    <message>
        <source>Make 4 images</source>
        <translation>4 枚作る</translation>
    </message>
    <message>
        <source>{concept} becomes your product. Write the rest in English, like a photo caption.</source>
        <translation>{concept} の部分が商品になります。ほかは写真の説明文のように英語で書いてください。</translation>
    </message>
    <message>
        <source>Write {concept} where the product goes.</source>
        <translation>商品の入る位置に {concept} と書いてください。</translation>
    </message>
    <message>
        <source>Making the images…</source>
        <translation>画像を作っています…</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>シード %1</translation>
    </message>
    <message>
        <source>Not saved: these images are only a try.</source>
        <translation>試しの画像なので保存されません。</translation>
    </message>
</context>
</TS>
